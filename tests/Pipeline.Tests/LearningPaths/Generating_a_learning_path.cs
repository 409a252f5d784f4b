using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

/// <summary>Seed 000 and 002 end to end with the offline provider: HTTP → bus → saga → workers → PostgreSQL/Redis → HTTP.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Generating_a_learning_path(PipelineFixture fixture)
{
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Returns_the_saved_structure_then_completes_with_cards_for_every_section()
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GenerateAsync("I want to learn trading in 30 days");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        var path = body.GetProperty("learning_path");
        var pathId = path.GetProperty("id").GetInt64();
        Assert.Contains("trading", path.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
        var courses = body.GetProperty("courses").EnumerateArray().ToList();
        Assert.NotEmpty(courses);
        foreach (var course in courses)
        {
            Assert.True(course.GetProperty("course_id").GetInt64() > 0);
            var sections = course.GetProperty("sections").EnumerateArray().ToList();
            Assert.NotEmpty(sections);
            Assert.All(sections, s =>
            {
                Assert.True(s.GetProperty("section_id").GetInt64() > 0);
                Assert.NotEmpty(s.GetProperty("keywords").EnumerateArray());
            });
        }
        Assert.Equal(3, body.GetProperty("next_steps").GetArrayLength());
        var taskId = body.GetProperty("task_id").GetString()!;

        var done = await learner.Client.WaitForStatusAsync(taskId, Completion, "completed", "failed", "timeout");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("finished", done.GetProperty("stage").GetString());
        Assert.Equal(100.0, done.GetProperty("progress").GetDouble());
        var total = done.GetProperty("total_items").GetInt32();
        Assert.True(total > 0);
        Assert.Equal(total, done.GetProperty("completed_items").GetInt32());
        Assert.Equal(pathId, done.GetProperty("learning_path_id").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("ended_at").ValueKind);

        var detail = await (await learner.Client.GetAsync($"/api/learning-paths/{pathId}")).JsonAsync();
        var detailSections = detail.GetProperty("courses").EnumerateArray().SelectMany(c => c.GetProperty("sections").EnumerateArray()).ToList();
        Assert.Equal(courses.Sum(c => c.GetProperty("sections").GetArrayLength()), detailSections.Count);
        Assert.All(detailSections, s => Assert.NotEmpty(s.GetProperty("cards").EnumerateArray()));
        var cards = detailSections.SelectMany(s => s.GetProperty("cards").EnumerateArray()).ToList();
        Assert.Equal(total, cards.Count);
        Assert.All(cards, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("front").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("back").GetString()));
        });
    }

    [Fact]
    public async Task Every_documented_status_route_shows_the_task()
    {
        var learner = await fixture.SignUpAsync();
        var body = await (await learner.Client.GenerateAsync("Teach me Spanish in 2 weeks")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;
        var pathId = body.GetProperty("learning_path").GetProperty("id").GetInt64();

        var viaRecommendation = await (await learner.Client.GetAsync($"/api/recommendation/tasks/{taskId}")).JsonAsync();
        Assert.Equal(taskId, viaRecommendation.GetProperty("task_id").GetString());
        var mine = await (await learner.Client.GetAsync("/api/tasks/users/me?skip=0&limit=5")).JsonAsync();
        Assert.Equal(taskId, mine[0].GetProperty("task_id").GetString());
        var latest = await (await learner.Client.GetAsync($"/api/tasks/learning-paths/{pathId}")).JsonAsync();
        Assert.Equal(taskId, latest.GetProperty("task_id").GetString());
        var paths = await (await learner.Client.GetAsync("/api/learning-paths")).JsonAsync();
        Assert.Contains(paths.EnumerateArray(), p => p.GetProperty("id").GetInt64() == pathId);
    }

    [Fact]
    public async Task My_tasks_are_listed_newest_first_and_paged()
    {
        var learner = await fixture.SignUpAsync();
        var first = (await (await learner.Client.GenerateInBackgroundAsync("Learn chess in 10 days")).JsonAsync()).GetProperty("task_id").GetString();
        var second = (await (await learner.Client.GenerateInBackgroundAsync("Learn poker in 10 days")).JsonAsync()).GetProperty("task_id").GetString();

        var page = await (await learner.Client.GetAsync("/api/tasks/users/me?limit=1")).JsonAsync();
        Assert.Equal(second, Assert.Single(page.EnumerateArray()).GetProperty("task_id").GetString());
        var next = await (await learner.Client.GetAsync("/api/tasks/users/me?skip=1&limit=1")).JsonAsync();
        Assert.Equal(first, Assert.Single(next.EnumerateArray()).GetProperty("task_id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await learner.Client.GetAsync("/api/tasks/users/me?limit=1000")).StatusCode);
    }

    [Fact]
    public async Task The_background_form_answers_202_with_a_task_id_at_once()
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GenerateInBackgroundAsync("I want to learn photography in 3 weeks");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var taskId = (await response.JsonAsync()).GetProperty("task_id").GetString()!;
        var status = await learner.Client.StatusAsync(taskId); // pollable immediately, never a 404
        Assert.Contains(status.GetProperty("status").GetString(), new[] { "pending", "running", "completed" });
        var done = await learner.Client.WaitForStatusAsync(taskId, Completion, "completed");
        Assert.True(done.GetProperty("completed_items").GetInt32() > 0);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_task()
    {
        var learner = await fixture.SignUpAsync();
        var key = Guid.NewGuid().ToString();

        var first = await (await learner.Client.GenerateInBackgroundAsync("Learn knitting in 7 days", key)).JsonAsync();
        var again = await (await learner.Client.GenerateInBackgroundAsync("Learn knitting in 7 days", key)).JsonAsync();
        var synchronous = await (await learner.Client.GenerateAsync("Learn knitting in 7 days", key)).JsonAsync();

        Assert.Equal(first.GetProperty("task_id").GetString(), again.GetProperty("task_id").GetString());
        Assert.Equal(first.GetProperty("task_id").GetString(), synchronous.GetProperty("task_id").GetString());
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM user_tasks WHERE user_id = @Id", new { learner.Id }));
    }

    [Theory]
    [InlineData("""{"prompt": ""}""")]
    [InlineData("""{"prompt": "   "}""")]
    [InlineData("""{}""")]
    public async Task An_empty_prompt_is_a_400_with_the_seed_message(string json)
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.PostAsync("/api/recommendation/chat/generate-learning-path",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Prompt cannot be empty.", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_bodies_are_400s_and_store_nothing()
    {
        var learner = await fixture.SignUpAsync();
        foreach (var json in new[] { "{\"prompt\": 42}", "{not json", "[1,2]", $"{{\"prompt\": \"{new string('x', 2001)}\"}}" })
        {
            var response = await learner.Client.PostAsync("/api/recommendation/learning-paths/generate",
                new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(JsonValueKind.String, (await response.JsonAsync()).GetProperty("detail").ValueKind);
        }
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM user_tasks WHERE user_id = @Id", new { learner.Id }));
    }

    [Fact]
    public async Task An_unknown_task_is_a_404_with_the_seed_message()
    {
        var learner = await fixture.SignUpAsync();

        foreach (var path in new[] { "/api/recommendation/tasks/no-such-task", "/api/tasks/no-such-task/status" })
        {
            var response = await learner.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Task not found", (await response.JsonAsync()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Tasks_and_paths_are_visible_to_their_owner_and_admins_only()
    {
        var owner = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var admin = await fixture.SignUpAsync("admin");
        var body = await (await owner.Client.GenerateAsync("Learn gardening in 14 days")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;
        var pathId = body.GetProperty("learning_path").GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync($"/api/tasks/{taskId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync($"/api/tasks/learning-paths/{pathId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync($"/api/learning-paths/{pathId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PostAsync($"/api/tasks/{taskId}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/tasks/{taskId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/learning-paths/{pathId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().GetAsync($"/api/tasks/{taskId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().PostAsync("/api/recommendation/chat/generate-learning-path", null)).StatusCode);
    }

    [Fact]
    public async Task Live_progress_streams_one_event_per_change_until_the_task_ends()
    {
        var learner = await fixture.SignUpAsync();
        var taskId = (await (await learner.Client.GenerateInBackgroundAsync("Learn guitar in 30 days")).JsonAsync()).GetProperty("task_id").GetString()!;

        using var stream = await learner.Client.GetStreamAsync($"/api/tasks/{taskId}/events");
        using var reader = new StreamReader(stream);
        var events = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(Completion);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());

        Assert.True(events.Count >= 2, $"expected several events, got {events.Count}");
        Assert.Equal("completed", events[^1].GetProperty("status").GetString());
        var progress = events.Select(e => e.GetProperty("progress").GetDouble()).ToList();
        Assert.Equal(progress.Order(), progress);
        var updates = events.Select(e => e.GetProperty("updated_at").GetDateTimeOffset()).ToList();
        Assert.Equal(updates.Distinct().Count(), updates.Count);
    }
}
