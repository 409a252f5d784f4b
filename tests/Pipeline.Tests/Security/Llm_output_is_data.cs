using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Security;

/// <summary>
/// "LLM output is data": whatever a model answers (markup, SQL, template syntax, URLs) is stored and served back
/// verbatim, never executed, interpolated or fetched; and an answer that breaks the schema is repaired or rejected as a
/// whole, never stored in part.
/// </summary>
[Collection(OpenAiPipelineCollection.Name)]
public sealed class Llm_output_is_data(OpenAiPipelineFixture fixture) : IAsyncLifetime
{
    private const string NotStored = "NOT-STORED";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TcpListener _bait = new(IPAddress.Loopback, 0);
    private int _baitConnections;
    private Task _accepting = Task.CompletedTask;

    /// <summary>A URL on a port this test listens on: any request the pipeline made to it would be counted.</summary>
    private string BaitUrl => $"http://127.0.0.1:{((IPEndPoint)_bait.LocalEndpoint).Port}/";

    public ValueTask InitializeAsync()
    {
        _bait.Start();
        _accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var connection = await _bait.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _baitConnections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped at the end of the test.
            }
        });
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Hostile_titles_keywords_and_cards_are_stored_verbatim_and_no_url_is_fetched()
    {
        string[] interests = ["<script>alert(1)</script>", "{{7*7}}"];
        var plan = new JsonObject
        {
            ["title"] = "<script>alert('pwned')</script> path",
            ["description"] = $"See {BaitUrl}steal?cookie=1 and ![x]({BaitUrl}pixel.png)",
            ["courses"] = new JsonArray(new JsonObject
            {
                ["title"] = "'; DROP TABLE user_tasks; --",
                ["description"] = "{{7*7}} ${7*7} <%= 7*7 %>",
                ["sections"] = new JsonArray(
                    new JsonObject
                    {
                        ["title"] = "{{7*7}} and ${{7*7}}",
                        ["keywords"] = new JsonArray("<script>alert(1)</script>", "'; DROP TABLE user_tasks; --", BaitUrl, $"${{jndi:ldap://127.0.0.1:{Port}/a}}"),
                    },
                    new JsonObject
                    {
                        ["title"] = "Robert'); DROP TABLE cards; --",
                        ["keywords"] = new JsonArray("<img src=x onerror=alert(1)>", "\" OR \"1\"=\"1"),
                    }),
            }),
        };
        var cards = new JsonArray(
            Card("<script>alert('pwned')</script>", "'; DROP TABLE user_tasks; --"),
            Card("{{7*7}}", BaitUrl),
            Card($"What is ${{jndi:ldap://127.0.0.1:{Port}/a}}?", "<img src=x onerror=alert(1)>"),
            Card("Robert'); DROP TABLE cards; --", $"![x]({BaitUrl}pixel.png)"),
            Card("\" OR \"1\"=\"1", "{{constructor.constructor('return process')()}}"),
            Card("one card more than asked for", "dropped"));
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = request => request.SchemaName switch
        {
            "learning_goals" => FakeChatReply.WithContent(new JsonObject
            {
                ["interests"] = new JsonArray([.. interests.Select(i => JsonValue.Create(i))]),
                ["difficulty_level"] = "beginner",
                ["estimated_days"] = 10,
            }.ToJsonString()),
            "learning_path_plan" => FakeChatReply.WithContent(plan.ToJsonString()),
            "section_cards" => FakeChatReply.WithContent(new JsonObject { ["cards"] = cards.DeepClone() }.ToJsonString()),
            _ => FakeChatReply.Valid(),
        };
        var learner = await fixture.SignUpAsync();

        var generated = await learner.Client.GenerateAsync("I want to learn web security in 10 days");

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var body = await generated.JsonAsync();
        Assert.Equal(plan["title"]!.GetValue<string>(), body.GetProperty("learning_path").GetProperty("title").GetString());
        await learner.Client.WaitForStatusAsync(body.GetProperty("task_id").GetString()!, Deadline, "completed");

        // Read back through the API: every text exactly as the model wrote it.
        var pathId = body.GetProperty("learning_path").GetProperty("id").GetInt64();
        var path = await (await learner.Client.GetAsync($"/api/learning-paths/{pathId}")).JsonAsync();
        Assert.Equal(plan["title"]!.GetValue<string>(), path.GetProperty("title").GetString());
        Assert.Equal(plan["description"]!.GetValue<string>(), path.GetProperty("description").GetString());
        Assert.Equal(interests, path.GetProperty("interests").EnumerateArray().Select(i => i.GetString()));
        var course = path.GetProperty("courses")[0];
        var plannedCourse = plan["courses"]![0]!;
        Assert.Equal(plannedCourse["title"]!.GetValue<string>(), course.GetProperty("title").GetString());
        Assert.Equal(plannedCourse["description"]!.GetValue<string>(), course.GetProperty("description").GetString());
        var sections = course.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(2, sections.Count);
        for (var s = 0; s < sections.Count; s++)
        {
            var planned = plannedCourse["sections"]![s]!;
            Assert.Equal(planned["title"]!.GetValue<string>(), sections[s].GetProperty("title").GetString());
            Assert.Equal(planned["keywords"]!.AsArray().Select(k => k!.GetValue<string>()),
                sections[s].GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
            var stored = sections[s].GetProperty("cards").EnumerateArray().Select(c => (c.GetProperty("front").GetString()!, c.GetProperty("back").GetString()!)).ToList();
            Assert.Equal(cards.Take(stored.Count).Select(c => (c!["front"]!.GetValue<string>(), c["back"]!.GetValue<string>())), stored);
            Assert.True(stored.Count >= 4, $"section {s} has {stored.Count} cards");
        }

        // Nothing ran: no URL was fetched, no statement executed, every table still there with its rows.
        Assert.Equal(0, Volatile.Read(ref _baitConnections));
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('user_tasks', 'cards', 'sections', 'learning_paths')");
        Assert.Equal(["cards", "learning_paths", "sections", "user_tasks"], tables.Order());
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM user_tasks WHERE user_id = @Id", new { learner.Id }) == 1);
    }

    [Fact]
    public async Task A_schema_violating_plan_is_sent_back_for_repair_and_only_the_repaired_answer_is_stored()
    {
        fixture.Llm.Reset();
        // Scripted for this task's plan only (its input carries the prompt): a request of another test's task still in
        // flight on a loaded machine must not take these answers.
        var invalidPlans = new System.Collections.Concurrent.ConcurrentQueue<FakeChatReply>([
            // Wrong types everywhere.
            FakeChatReply.WithContent("""{"title": ["NOT-STORED"], "description": 42, "courses": {"title": "NOT-STORED"}}"""),
            // A valid-looking plan one level too deep, and without its description.
            FakeChatReply.WithContent("""
                {"learning_path": {"title": "NOT-STORED", "courses": [{"title": "NOT-STORED", "description": "NOT-STORED",
                 "sections": [{"title": "NOT-STORED", "keywords": ["NOT-STORED"]}]}]}}
                """),
        ]);
        fixture.Llm.Behaviour = request => IsChemistryPlan(request) && invalidPlans.TryDequeue(out var invalid) ? invalid : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();

        var taskId = await StartAsync(learner, "I want to learn chemistry in 20 days");
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "completed");

        var plans = fixture.Llm.Requests.Where(IsChemistryPlan).ToList();
        Assert.Equal(3, plans.Count);
        // Each repair quoted the validation errors back to the model.
        Assert.All(plans.Skip(1), r => Assert.Contains("did not pass validation", r.Messages[^1].Content));
        Assert.Equal(0, await StoredTextsContainingAsync(taskId, NotStored));
        Assert.True(await CardCountAsync(taskId) > 0);
    }

    private static bool IsChemistryPlan(FakeChatRequest request) =>
        request.SchemaName == "learning_path_plan" && request.InputJson.Contains("chemistry", StringComparison.Ordinal);

    [Fact]
    public async Task A_plan_that_stays_invalid_fails_its_stage_and_saves_nothing()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = request => request.SchemaName == "learning_path_plan"
            ? FakeChatReply.WithContent("""{"title": "NOT-STORED", "courses": [{"title": "NOT-STORED", "sections": [{"keywords": "NOT-STORED"}]}]}""")
            : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();

        var taskId = await StartAsync(learner, "I want to learn geology in 20 days");
        var failed = await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed");

        Assert.Equal("planning_path_structure", failed.GetProperty("stage").GetString());
        Assert.Contains("invalid after 2 repairs", failed.GetProperty("error_details").GetString());
        Assert.Equal(3, fixture.Llm.Requests.Count(r => r.SchemaName == "learning_path_plan"));
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM learning_paths p JOIN user_tasks t ON p.created_by_task = t.correlation_id WHERE t.task_id = @taskId", new { taskId }));
    }

    [Fact]
    public async Task Cards_with_one_bad_item_are_rejected_whole_and_none_of_them_is_stored()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = request => request.SchemaName == "section_cards"
            ? FakeChatReply.WithContent("""
                {"cards": [{"front": "NOT-STORED fine", "back": "fine"}, {"front": "NOT-STORED also fine", "back": "fine"},
                           {"front": 7, "back": {"nested": ["NOT-STORED"]}}]}
                """)
            : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();

        var taskId = await StartAsync(learner, "I want to learn botany in 10 days");
        var failed = await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed");

        Assert.Equal("generating_cards", failed.GetProperty("stage").GetString());
        Assert.Equal(0, failed.GetProperty("completed_items").GetInt32());
        Assert.Equal(0, await CardCountAsync(taskId));
        Assert.Equal(0, await StoredTextsContainingAsync(taskId, NotStored));
    }

    private int Port => ((IPEndPoint)_bait.LocalEndpoint).Port;

    private static JsonObject Card(string front, string back) => new() { ["front"] = front, ["back"] = back };

    private static async Task<string> StartAsync(TestUser learner, string prompt)
    {
        var response = await learner.Client.GenerateInBackgroundAsync(prompt);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("task_id").GetString()!;
    }

    private async Task<int> CardCountAsync(string taskId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.ExecuteScalarAsync<int>(
            """
            SELECT count(*) FROM cards c JOIN sections s ON c.section_id = s.id JOIN learning_paths p ON s.learning_path_id = p.id
            JOIN user_tasks t ON p.created_by_task = t.correlation_id WHERE t.task_id = @taskId
            """, new { taskId });
    }

    /// <summary>Path, course, section, keyword and card texts of the task's path that contain <paramref name="marker"/>.</summary>
    private async Task<int> StoredTextsContainingAsync(string taskId, string marker)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.ExecuteScalarAsync<int>(
            """
            WITH p AS (SELECT p.* FROM learning_paths p JOIN user_tasks t ON p.created_by_task = t.correlation_id WHERE t.task_id = @taskId)
            SELECT (SELECT count(*) FROM p WHERE p.title || p.description LIKE @pattern)
                 + (SELECT count(*) FROM courses c JOIN p ON c.learning_path_id = p.id WHERE c.title || c.description LIKE @pattern)
                 + (SELECT count(*) FROM sections s JOIN p ON s.learning_path_id = p.id WHERE s.title || array_to_string(s.keywords, ' ') LIKE @pattern)
                 + (SELECT count(*) FROM cards c JOIN sections s ON c.section_id = s.id JOIN p ON s.learning_path_id = p.id WHERE c.front || c.back LIKE @pattern)
            """, new { taskId, pattern = $"%{marker}%" });
    }

    public async ValueTask DisposeAsync()
    {
        _bait.Stop();
        await _accepting;
        fixture.Llm.Reset();
    }
}
