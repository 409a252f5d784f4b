using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningCore;

namespace Pipeline.Tests.Analytics;

/// <summary>
/// <c>GET /api/learntrac/v1/analytics/learners</c>: the instructor's way to find a learner for the learner analytics.
/// The system is shared, so each test names its learners with a tag of its own and searches for it.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class Listing_learners(PipelineFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private async Task<long> RegisterAsync(string name, string email)
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = $"Passw0rd-{Guid.NewGuid():N}"[..20], name }, LearnTrac.Cancel);
        return (await response.JsonAsync()).GetProperty("user").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Instructors_see_learners_most_recently_active_first_with_completions_and_last_activity_searched_and_paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var ada = await RegisterAsync($"Ada {tag}", $"ada-{tag}@example.com");
        var bo = await RegisterAsync($"Bo {tag}", $"bo-{tag}@example.com");
        var cy = await RegisterAsync($"Cy {tag}", $"cy-{tag}@example.com");
        var teacher = await RegisterAsync($"Teacher {tag}", $"teacher-{tag}@example.com");
        await fixture.QueryScalarAsync<long>("UPDATE users SET roles = ARRAY['instructor'] WHERE id = @teacher RETURNING id", new { teacher });
        var now = DateTimeOffset.UtcNow;
        await fixture.CompleteConceptAsync(ada, 1, "Client-server", 0.9, 600, "http", "HTTP Foundations", now.AddMinutes(-5));
        await fixture.CompleteConceptAsync(ada, 2, "URLs", 0.7, 600, "http", "HTTP Foundations", now.AddMinutes(-1));
        await fixture.CompleteConceptAsync(bo, 1, "Client-server", 0.8, 600, "http", "HTTP Foundations", now.AddDays(-3));
        var instructor = await fixture.SignUpAsync("instructor");

        // The counts come from the rollups, which follow the bus events: poll until all three completions are in.
        var page = await Eventually.ReturnsAsync(() => instructor.GetJsonAsync($"/analytics/learners?q={tag}"),
            p => p.GetProperty("learners").EnumerateArray().Sum(l => l.GetProperty("concepts_completed").GetInt64()) == 3, Deadline, "the rollups");

        Assert.Equal(3, page.GetProperty("total").GetInt32()); // the instructor is not a learner
        Assert.Equal(20, page.GetProperty("limit").GetInt32());
        Assert.Equal(0, page.GetProperty("offset").GetInt32());
        var learners = page.GetProperty("learners").EnumerateArray().ToList();
        Assert.Equal([ada.ToString(), bo.ToString(), cy.ToString()], learners.Select(l => l.GetProperty("user_id").GetString()));
        Assert.Equal(["user_id", "name", "email", "concepts_completed", "last_active"], learners[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal($"Ada {tag}", learners[0].GetProperty("name").GetString());
        Assert.Equal($"ada-{tag}@example.com", learners[0].GetProperty("email").GetString());
        Assert.Equal(2, learners[0].GetProperty("concepts_completed").GetInt64());
        Assert.Equal(now.UtcDateTime.ToString("yyyy-MM-dd"), learners[0].GetProperty("last_active").GetString());
        Assert.Equal(1, learners[1].GetProperty("concepts_completed").GetInt64());
        Assert.Equal(now.AddDays(-3).UtcDateTime.ToString("yyyy-MM-dd"), learners[1].GetProperty("last_active").GetString());
        Assert.Equal(0, learners[2].GetProperty("concepts_completed").GetInt64());
        Assert.Equal(JsonValueKind.Null, learners[2].GetProperty("last_active").ValueKind);

        var second = await instructor.GetJsonAsync($"/analytics/learners?q={tag}&limit=2&offset=2");
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("limit").GetInt32());
        Assert.Equal(2, second.GetProperty("offset").GetInt32());
        Assert.Equal([cy.ToString()], second.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("user_id").GetString()));

        // Part of a name, any case; part of an email.
        var byName = await instructor.GetJsonAsync($"/analytics/learners?q={Uri.EscapeDataString($"bO {tag.ToUpperInvariant()}")}");
        Assert.Equal([bo.ToString()], byName.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("user_id").GetString()));
        var byEmail = await instructor.GetJsonAsync($"/analytics/learners?q={Uri.EscapeDataString($"cy-{tag}@")}");
        Assert.Equal([cy.ToString()], byEmail.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("user_id").GetString()));
        // The search is text, not a LIKE pattern (these would match every learner of the tag) or SQL.
        foreach (var q in new[] { $"%{tag}", $"{tag}_", $"_{tag}", $"{tag}' OR '1'='1" })
            Assert.Equal(0, (await instructor.GetJsonAsync($"/analytics/learners?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32());

        var admin = await fixture.SignUpAsync("admin");
        Assert.Equal(3, (await admin.GetJsonAsync($"/analytics/learners?q={tag}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Without_a_token_the_list_is_a_401_and_for_a_learner_a_403_in_the_seed_shape()
    {
        var anonymous = await fixture.CreateClient().GetAsync(LearnTrac.Prefix + "/analytics/learners", LearnTrac.Cancel);
        await SeedShape.AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        var learner = await fixture.SignUpAsync();
        await SeedShape.AssertErrorAsync(await learner.GetAsync("/analytics/learners"), HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=lots")]
    [InlineData("offset=-1")]
    public async Task Bad_paging_is_a_400_validation_error_in_the_seed_shape(string query)
    {
        var instructor = await fixture.SignUpAsync("instructor");
        var message = await SeedShape.AssertErrorAsync(await instructor.GetAsync($"/analytics/learners?{query}"), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_is_a_400_validation_error()
    {
        var instructor = await fixture.SignUpAsync("instructor");
        var response = await instructor.GetAsync($"/analytics/learners?q={new string('a', 201)}");
        Assert.Contains("q must be at most 200", await SeedShape.AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR"));
    }
}
