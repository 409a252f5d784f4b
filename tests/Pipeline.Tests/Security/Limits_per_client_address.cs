using System.Net;
using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Security;

/// <summary>The system with small per-address limits on the routes anyone can call, and a small global AI budget.</summary>
public sealed class ClientLimitFixture : PipelineFixture
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Pipeline:ClientLimits:GuestLogins:Limit"] = "5",
        ["Pipeline:ClientLimits:Registrations:Limit"] = "6",
        ["Pipeline:ClientLimits:Logins:Limit"] = "1000",
        ["Pipeline:RateLimits:GlobalAiRequestsPerMinute"] = "4",
        ["Pipeline:RateLimits:AiRequestsPerMinute"] = "100",
    };
}

/// <summary>Guests and sign-ups from one address are bounded, and so are AI requests from everyone together.</summary>
public sealed class Limits_per_client_address(ClientLimitFixture fixture) : IClassFixture<ClientLimitFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Guest_logins_from_one_address_get_429_after_the_limit()
    {
        var client = fixture.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            answers.Add((await client.PostAsync("/api/auth/guest-login", null, Cancel)).StatusCode);

        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        var refused = await client.PostAsync("/api/auth/guest-login", null, Cancel);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.True((await refused.JsonAsync()).TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task The_ai_budget_holds_for_everyone_together()
    {
        // The registration limit (6 per address) leaves room for these three users.
        var users = new[] { await fixture.SignUpAsync(), await fixture.SignUpAsync(), await fixture.SignUpAsync() };

        var answers = new List<HttpResponseMessage>();
        foreach (var user in users)
            for (var i = 0; i < 2; i++)
                answers.Add(await user.Client.GenerateInBackgroundAsync($"Learn topic {i} in 7 days"));

        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var over = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(2, over.Count);
        Assert.All(over, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode));
        Assert.All(over, a => Assert.NotNull(a.Headers.RetryAfter?.Delta));
    }
}
