using System.Net;
using Dapper;
using Npgsql;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Faults;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

/// <summary>The pipeline against a local OpenAI-compatible server: structured output, provider failures, retry, cancel.</summary>
[Collection(OpenAiPipelineCollection.Name)]
public sealed class Generating_through_an_openai_compatible_endpoint(OpenAiPipelineFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Asks_for_schema_constrained_json_and_records_tokens_per_task()
    {
        fixture.Llm.Reset();
        var learner = await fixture.SignUpAsync();

        var body = await (await learner.Client.GenerateAsync("I want to learn trading in 30 days")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;
        await learner.Client.WaitForStatusAsync(taskId, Deadline, "completed");

        var requests = fixture.Llm.Requests;
        Assert.All(requests, r =>
        {
            Assert.Equal("json_schema", r.ResponseFormatType);
            Assert.True(r.Strict);
            Assert.Equal(FakeOpenAiServer.Model, r.Model);
            Assert.Equal($"Bearer {FakeOpenAiServer.ApiKey}", r.Authorization);
        });
        var sections = body.GetProperty("courses").EnumerateArray().Sum(c => c.GetProperty("sections").GetArrayLength());
        Assert.Equal(1, requests.Count(r => r.SchemaName == "learning_goals"));
        Assert.Equal(1, requests.Count(r => r.SchemaName == "learning_path_plan"));
        Assert.Equal(sections, requests.Count(r => r.SchemaName == "section_cards"));

        var usage = await UsageAsync(taskId);
        Assert.Equal(sections + 2, usage.Calls);
        Assert.True(usage.PromptTokens > 0 && usage.CompletionTokens > 0);
    }

    [Theory]
    [InlineData(SchemaExtreme.Fewest)]
    [InlineData(SchemaExtreme.Most)]
    public async Task A_server_answering_at_the_schemas_edges_gets_a_completed_path_without_repairs(SchemaExtreme extreme)
    {
        fixture.Llm.Reset();
        // Goals at their fewest would be "no interests", the seed's no-goal answer: they stay ordinary.
        fixture.Llm.Behaviour = r => r.SchemaName == "learning_goals" ? FakeChatReply.Valid() : FakeChatReply.AtSchemaExtreme(extreme);
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GenerateAsync("I want to learn trading in 30 days");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var done = await fixture.ExplainedAsync(fixture.Llm,
            () => learner.Client.WaitForStatusAsync(body.GetProperty("task_id").GetString()!, Deadline, "completed", "failed"));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var sections = body.GetProperty("courses").EnumerateArray().Sum(c => c.GetProperty("sections").GetArrayLength());
        Assert.Equal(extreme == SchemaExtreme.Fewest ? 1 : 64, sections);
        // No repairs: a repair quotes the invalid answer back as an assistant turn. On a loaded machine a slow stage may be
        // sent again by its timeout: the same request once more, not a repair, so requests are counted once each.
        Assert.DoesNotContain(fixture.Llm.Requests, r => r.Messages.Any(m => m.Role == "assistant"));
        Assert.Equal(sections + 2, fixture.Llm.Requests.DistinctBy(r => string.Join("\n", r.Messages.Select(m => m.Content))).Count());
        var cards = await CardsPerSectionAsync(body.GetProperty("learning_path").GetProperty("id").GetInt64());
        var cardSchema = fixture.Llm.Requests.First(r => r.SchemaName == "section_cards").Schema!.Value.GetProperty("properties").GetProperty("cards");
        var expected = cardSchema.GetProperty(extreme == SchemaExtreme.Fewest ? "minItems" : "maxItems").GetInt32();
        Assert.All(cards, c => Assert.Equal(expected, c.Positions));
        Assert.Equal(done.GetProperty("total_items").GetInt32(), cards.Sum(c => c.Positions));
    }

    [Fact]
    public async Task Rate_limits_server_errors_and_malformed_output_are_retried_until_the_task_completes()
    {
        fixture.Llm.Reset();
        fixture.Llm.Enqueue(
            FakeChatReply.RateLimited(TimeSpan.FromSeconds(1)),
            FakeChatReply.ServerError(500),
            FakeChatReply.Malformed(),
            FakeChatReply.ServerError(503),
            FakeChatReply.SchemaViolation());
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GenerateAsync("Teach me statistics in 20 days");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var done = await learner.Client.WaitForStatusAsync(body.GetProperty("task_id").GetString()!, Deadline, "completed", "failed");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var requests = fixture.Llm.Requests;
        // The call after the 429 waited for its Retry-After.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"second call came {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms after the 429");
        // Each scripted failure cost exactly one extra call; nothing else was repeated.
        var sections = body.GetProperty("courses").EnumerateArray().Sum(c => c.GetProperty("sections").GetArrayLength());
        Assert.Equal(sections + 2 + 5, requests.Count);
    }

    [Fact]
    public async Task A_goal_extraction_that_fails_for_good_answers_the_seed_500()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "learning_goals" ? FakeChatReply.Unauthorized() : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.GenerateAsync("I want to learn trading in 30 days");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Failed to parse learning goals from prompt: I want to learn trading in 30 days",
            (await response.JsonAsync()).GetProperty("detail").GetString());
        var task = (await (await learner.Client.GetAsync("/api/tasks/users/me")).JsonAsync())[0];
        Assert.Equal("failed", task.GetProperty("status").GetString());
        Assert.Equal("extracting_goals", task.GetProperty("stage").GetString());
        Assert.Contains("401", task.GetProperty("error_details").GetString());
        Assert.Single(fixture.Llm.Requests); // a permanent error is not retried
    }

    [Fact]
    public async Task A_failed_stage_resumes_on_retry_without_redoing_earlier_stages_or_duplicating_cards()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = r => r.SchemaName == "section_cards" ? FakeChatReply.Error(400, "This model cannot write cards") : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();
        var body = await (await learner.Client.GenerateAsync("Learn woodworking in 10 days")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;

        var failed = await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed");
        Assert.Equal("generating_cards", failed.GetProperty("stage").GetString());
        Assert.Contains("This model cannot write cards", failed.GetProperty("error_details").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("result_message").GetString()));
        var progressWhenFailed = failed.GetProperty("progress").GetDouble();

        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        var retry = await learner.Client.PostAsync($"/api/tasks/{taskId}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var done = await fixture.ExplainedAsync(fixture.Llm, () => learner.Client.WaitForStatusAsync(taskId, Deadline, "completed"));

        Assert.True(done.GetProperty("progress").GetDouble() >= progressWhenFailed);
        Assert.Equal(JsonNull, done.GetProperty("error_details").ValueKind);
        var requests = fixture.Llm.Requests;
        Assert.Equal(1, requests.Count(r => r.SchemaName == "learning_goals"));
        Assert.Equal(1, requests.Count(r => r.SchemaName == "learning_path_plan"));
        var cards = await CardsPerSectionAsync(body.GetProperty("learning_path").GetProperty("id").GetInt64());
        Assert.All(cards, c => Assert.Equal(c.Positions, c.Distinct));
        Assert.Equal(done.GetProperty("total_items").GetInt32(), cards.Sum(c => c.Positions));
        Assert.Equal(done.GetProperty("completed_items").GetInt32(), cards.Sum(c => c.Positions));
        Assert.Equal(HttpStatusCode.Conflict, (await learner.Client.PostAsync($"/api/tasks/{taskId}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Canceling_during_card_generation_stops_further_llm_calls()
    {
        fixture.Llm.Reset();
        fixture.Llm.Latency = TimeSpan.FromMilliseconds(300);
        var learner = await fixture.SignUpAsync();
        var body = await (await learner.Client.GenerateAsync("I want to learn astronomy in 40 days")).JsonAsync();
        var taskId = body.GetProperty("task_id").GetString()!;
        await Eventually.ReturnsAsync(() => learner.Client.StatusAsync(taskId), s => s.GetProperty("completed_items").GetInt32() > 0, Deadline);

        var cancel = await learner.Client.PostAsync($"/api/tasks/{taskId}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var canceled = await learner.Client.WaitForStatusAsync(taskId, Deadline, "canceled");
        var canceledAt = canceled.GetProperty("ended_at").GetDateTimeOffset();
        Assert.True(canceled.GetProperty("completed_items").GetInt32() < canceled.GetProperty("total_items").GetInt32());
        // Let every message already queued for the task reach a worker; none may call the LLM.
        await Eventually.HoldsAsync(async () => { await Task.Delay(100); return fixture.Llm.InFlight == 0 && await QueueIsEmptyAsync(); }, Deadline);
        await Task.Delay(fixture.Llm.Latency * 3);
        var late = fixture.Llm.Requests.Where(r => r.ReceivedAt > canceledAt.AddMilliseconds(200)).ToList();
        Assert.Empty(late);
        Assert.Equal("canceled", (await learner.Client.StatusAsync(taskId)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await learner.Client.PostAsync($"/api/tasks/{taskId}/cancel", null)).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private async Task<bool> QueueIsEmptyAsync()
    {
        var queue = await fixture.Infrastructure.QueuesAsync("generate-section-cards");
        return queue.TryGetProperty("messages", out var messages) && messages.GetInt32() == 0;
    }

    private async Task<(long PromptTokens, long CompletionTokens, int Calls)> UsageAsync(string taskId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.QuerySingleAsync<(long, long, int)>(
            "SELECT prompt_tokens, completion_tokens, llm_calls FROM user_tasks WHERE task_id = @taskId", new { taskId });
    }

    private async Task<List<(long SectionId, int Positions, int Distinct)>> CardsPerSectionAsync(long pathId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return (await connection.QueryAsync<(long, int, int)>(
            """
            SELECT s.id, count(c.id)::int, count(DISTINCT c.position)::int
            FROM sections s LEFT JOIN cards c ON c.section_id = s.id
            WHERE s.learning_path_id = @pathId GROUP BY s.id
            """, new { pathId })).ToList();
    }
}
