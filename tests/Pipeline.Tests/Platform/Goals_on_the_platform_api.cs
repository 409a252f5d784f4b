using System.Net;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Goals_on_the_platform_api(PlatformFixture fixture)
{
    [Fact]
    public async Task Progress_is_a_learning_event_and_reaching_the_target_completes_the_goal()
    {
        var ada = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Read 10 chapters", target_value = 10, unit = "chapters", due_date = "2027-01-31" }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("active", goal.GetProperty("status").GetString());
        Assert.Equal("2027-01-31", goal.GetProperty("due_date").GetString());

        var halfway = await (await ada.Client.PostJsonAsync($"/api/v1/goals/{goal.Id()}/progress", new { value = 6, note = "good week" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(6, halfway.GetProperty("goal").GetProperty("current_value").GetDouble());
        Assert.Equal(60, halfway.GetProperty("goal").GetProperty("progress_percent").GetDouble());
        Assert.Equal("active", halfway.GetProperty("goal").GetProperty("status").GetString());

        var done = await (await ada.Client.PostJsonAsync($"/api/v1/goals/{goal.Id()}/progress", new { value = 4 })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("completed", done.GetProperty("goal").GetProperty("status").GetString());
        Assert.True(done.GetProperty("completed").GetBoolean());
        Assert.NotEqual(JsonValueKindNull, done.GetProperty("goal").GetProperty("completed_at").ValueKind);

        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        var events = (await connection.QueryAsync<(string Verb, string ObjectType, double Score, bool Completion)>(
            "SELECT verb, object_type, score, completion FROM learning_events WHERE user_id = @id AND object_id = @goal ORDER BY id",
            new { id = ada.Id, goal = goal.Id().ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToList();
        Assert.Equal([("progressed", "goal", 0.6, false), ("progressed", "goal", 1.0, true)], events);

        var listed = await (await ada.Client.GetAsync("/api/v1/goals?status=completed")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([goal.Id()], listed.Items().Select(g => g.Id()));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_goal_is_edited_and_raising_its_target_reopens_it()
    {
        var ada = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Practice", target_value = 2 })).ExpectAsync(HttpStatusCode.Created);
        await (await ada.Client.PostJsonAsync($"/api/v1/goals/{goal.Id()}/progress", new { value = 2 })).ExpectAsync(HttpStatusCode.Created);

        var edited = await (await ada.Client.PatchJsonAsync($"/api/v1/goals/{goal.Id()}", new { title = "Practice more", target_value = 5 })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Practice more", edited.GetProperty("title").GetString());
        Assert.Equal("active", edited.GetProperty("status").GetString());
        var paused = await (await ada.Client.PatchJsonAsync($"/api/v1/goals/{goal.Id()}", new { status = "paused" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("paused", paused.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_users_goal_is_refused()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Ada's goal" })).ExpectAsync(HttpStatusCode.Created);

        await (await bob.Client.PatchJsonAsync($"/api/v1/goals/{goal.Id()}", new { title = "mine now" })).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await bob.Client.PostJsonAsync($"/api/v1/goals/{goal.Id()}/progress", new { value = 50 })).ExpectErrorAsync(HttpStatusCode.NotFound);
        var bobs = await (await bob.Client.GetAsync("/api/v1/goals")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(bobs.Items());
        await (await fixture.CreateClient().GetAsync("/api/v1/goals")).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("POST", "", """{"target_value": 5}""", "title")]
    [InlineData("POST", "", """{"title": "x", "target_value": 0}""", "target_value")]
    [InlineData("POST", "", """{"title": "x", "target_value": "ten"}""", "target_value")]
    [InlineData("POST", "", """{"title": "x", "due_date": "someday"}""", "due_date")]
    [InlineData("PATCH", "/{id}", """{"status": "finished-ish"}""", "status")]
    [InlineData("PATCH", "/{id}", """{"target_value": -1}""", "target_value")]
    [InlineData("POST", "/{id}/progress", """{"value": 0}""", "value")]
    [InlineData("POST", "/{id}/progress", """{"value": 1e9}""", "value")]
    public async Task A_bad_goal_body_is_400_naming_the_field(string method, string path, string body, string field)
    {
        var ada = await fixture.SignUpAsync();
        var goal = await (await ada.Client.PostJsonAsync("/api/v1/goals", new { title = "Valid" })).ExpectAsync(HttpStatusCode.Created);

        var response = await ada.Client.SendRawAsync(new HttpMethod(method), "/api/v1/goals" + path.Replace("{id}", goal.Id().ToString(System.Globalization.CultureInfo.InvariantCulture)), body);

        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
