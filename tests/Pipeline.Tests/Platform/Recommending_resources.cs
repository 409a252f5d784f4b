using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Recommending_resources(PlatformFixture fixture)
{
    [Fact]
    public async Task Recommendations_for_a_goal_and_recent_activity_come_with_a_reason_each_offline()
    {
        var ada = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Start investing in the stock market", description = "Understand shares, indices and risk" }))
            .ExpectAsync(HttpStatusCode.Created);

        var page = await Eventually.ReturnsAsync(async () => await (await ada.Client.PostJsonAsync("/api/v1/resources/recommend", new
        {
            context = new { goals = new[] { goal.Id() }, recentActivity = new[] { "read about price charts" } },
            limit = 5,
        })).ExpectAsync(HttpStatusCode.OK), p => p.Items().Count == 5, TimeSpan.FromMinutes(3), "five recommendations once the catalogue is embedded");

        Assert.All(page.Items(), item =>
        {
            Assert.StartsWith("[offline recommender]", item.GetProperty("reason").GetString());
            Assert.Equal("offline", item.GetProperty("ranked_by").GetString());
        });
        Assert.Contains(page.Items(), item => item.GetProperty("resource").GetProperty("tags").EnumerateArray().Any(t => t.GetString() is "finance" or "investing" or "trading"));
        var similarities = page.Items().Select(i => i.GetProperty("resource").GetProperty("similarity").GetDouble()).ToList();
        Assert.Equal(similarities.OrderByDescending(s => s), similarities);
    }

    [Fact]
    public async Task Another_users_goal_in_the_context_is_403_and_bad_bodies_are_400()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Ada's" })).ExpectAsync(HttpStatusCode.Created);

        await (await bob.Client.PostJsonAsync("/api/v1/resources/recommend", new { context = new { goals = new[] { goal.Id() } } }))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "context.goals");
        await (await bob.Client.SendRawAsync(HttpMethod.Post, "/api/v1/resources/recommend", """{"context": {"recentActivity": "chess"}}"""))
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "context.recentActivity");
        await (await bob.Client.SendRawAsync(HttpMethod.Post, "/api/v1/resources/recommend", """{"context": {}}"""))
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "context");
        await (await bob.Client.SendRawAsync(HttpMethod.Post, "/api/v1/resources/recommend", """{"context": {"recentActivity": ["x"]}, "limit": 50}"""))
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "limit");
        await (await fixture.CreateClient().PostJsonAsync("/api/v1/resources/recommend", new { context = new { recentActivity = new[] { "x" } } }))
            .ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }
}
