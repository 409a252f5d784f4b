using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.LearnTracServices;

public sealed class LearnTrac_rate_limits(LearnTracLimitsFixture fixture) : IClassFixture<LearnTracLimitsFixture>
{
    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

    [Fact]
    public async Task Every_answer_counts_down_with_seed_and_ietf_headers_then_a_429_with_retry_after()
    {
        var learner = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();
        var limit = LearnTracLimitsFixture.ApiLimit;

        for (var i = 1; i <= limit; i++)
        {
            // Errors count and carry the headers too: every other request goes to a route that does not exist.
            var response = await learner.Client.GetAsync(i % 2 == 0 ? "/api/learntrac/v1/status" : "/api/learntrac/v1/no-such-route");
            Assert.Equal(i % 2 == 0 ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(limit.ToString(), Header(response, "X-RateLimit-Limit"));
            Assert.Equal((limit - i).ToString(), Header(response, "X-RateLimit-Remaining"));
            var reset = long.Parse(Header(response, "X-RateLimit-Reset"));
            Assert.InRange(reset, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() + 1);
            Assert.Equal($"\"api\";q={limit};w=3600", Header(response, "RateLimit-Policy"));
            Assert.Matches($"^\"api\";r={limit - i};t=\\d+$", Header(response, "RateLimit"));
        }

        var refused = await learner.Client.GetAsync("/api/learntrac/v1/status");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Header(refused, "Retry-After")), 3000, 3600);
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        var error = (await refused.JsonAsync()).GetProperty("error");
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.GetProperty("code").GetString());
        Assert.Contains("per hour", error.GetProperty("message").GetString());
        // Per user: someone else still has the full allowance.
        var fresh = await other.Client.GetAsync("/api/learntrac/v1/status");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal((limit - 1).ToString(), Header(fresh, "X-RateLimit-Remaining"));
        // Other prefixes are not part of seed 003's limit.
        Assert.False((await learner.Client.GetAsync("/api/tasks/users/me")).Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Health_checks_are_outside_the_limits_of_users_and_of_client_addresses()
    {
        var anonymous = fixture.CreateClient();
        var learner = await fixture.SignUpAsync();
        var limit = LearnTracLimitsFixture.ApiLimit;

        // Far beyond the allowance, from one user and from one address (no token: counted by address).
        for (var i = 0; i < 3 * limit; i++)
        {
            foreach (var client in new[] { anonymous, learner.Client })
            {
                var health = await client.GetAsync("/api/learntrac/v1/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.False(health.Headers.Contains("X-RateLimit-Remaining"));
            }
        }
        foreach (var path in new[] { "/health/live", "/health/ready", "/health/ping" })
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);

        // Nothing was counted: both still have the whole allowance of the routes that are limited, and the limit still holds.
        Assert.Equal((limit - 1).ToString(), Header(await learner.Client.GetAsync("/api/learntrac/v1/status"), "X-RateLimit-Remaining"));
        for (var i = 1; i <= limit; i++)
            Assert.Equal((limit - i).ToString(), Header(await anonymous.GetAsync("/api/learntrac/v1/status"), "X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/learntrac/v1/status")).StatusCode);
        // With the address over its allowance, the health checks still answer.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/learntrac/v1/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_chat_message_beyond_the_hourly_chat_limit_is_a_429_with_retry_after()
    {
        var learner = await fixture.SignUpAsync();
        var started = await learner.Client.PostAsJsonAsync("/api/learntrac/v1/chat/start", new { initial_message = "What is REST?" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal((LearnTracLimitsFixture.ChatLimit - 1).ToString(), Header(started, "X-RateLimit-Remaining"));
        var chatId = (await started.JsonAsync()).GetProperty("chat_id").GetString();

        for (var remaining = LearnTracLimitsFixture.ChatLimit - 2; remaining >= 0; remaining--)
        {
            var sent = await learner.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/message", new { message = $"Tell me more ({remaining})" });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Equal(LearnTracLimitsFixture.ChatLimit.ToString(), Header(sent, "X-RateLimit-Limit"));
            Assert.Equal(remaining.ToString(), Header(sent, "X-RateLimit-Remaining"));
        }

        var refused = await learner.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/message", new { message = "One more?" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Header(refused, "Retry-After")), 3000, 3600);
        Assert.Contains("chat messages per hour", (await refused.JsonAsync()).GetProperty("error").GetProperty("message").GetString());
        // The refused message was not stored: the history has the three turns answered.
        var history = await (await learner.Client.GetAsync($"/api/learntrac/v1/chat/{chatId}/history")).JsonAsync();
        Assert.Equal(2 * LearnTracLimitsFixture.ChatLimit, history.GetProperty("total_messages").GetInt32());
    }

    [Fact]
    public async Task Exports_have_their_own_daily_limit_beside_the_hourly_one()
    {
        var instructor = await fixture.SignUpAsync("instructor");
        var limit = LearnTracLimitsFixture.ExportLimit;
        var body = new { report_type = "concept_analytics", format = "csv" };

        for (var i = 1; i <= limit; i++)
        {
            var accepted = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/analytics/export", body);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(limit.ToString(), Header(accepted, "X-RateLimit-Limit"));
            Assert.Equal((limit - i).ToString(), Header(accepted, "X-RateLimit-Remaining"));
            Assert.Equal($"\"api\";q={LearnTracLimitsFixture.ApiLimit};w=3600, \"exports\";q={limit};w=86400", Header(accepted, "RateLimit-Policy"));
        }

        var refused = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/analytics/export", body);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Header(refused, "Retry-After")), 86_000, 86_400);
        Assert.Contains("exports per day", (await refused.JsonAsync()).GetProperty("error").GetProperty("message").GetString());
        // The refused export was not counted against the hourly allowance either; other routes still answer.
        var other = await instructor.Client.GetAsync("/api/learntrac/v1/status");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal((LearnTracLimitsFixture.ApiLimit - limit - 1).ToString(), Header(other, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task The_count_is_shared_by_every_edge_instance()
    {
        var learner = await fixture.SignUpAsync();
        // A second Edge.Api on the same Redis: its answers continue the first one's count.
        await using var secondInstance = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in fixture.Settings) web.UseSetting(key, value);
        });
        var second = secondInstance.CreateClient();
        second.DefaultRequestHeaders.Authorization = learner.Client.DefaultRequestHeaders.Authorization;

        var first = await learner.Client.GetAsync("/api/learntrac/v1/status");
        var then = await second.GetAsync("/api/learntrac/v1/status");

        Assert.Equal((LearnTracLimitsFixture.ApiLimit - 1).ToString(), Header(first, "X-RateLimit-Remaining"));
        Assert.Equal((LearnTracLimitsFixture.ApiLimit - 2).ToString(), Header(then, "X-RateLimit-Remaining"));
    }
}
