using System.Text.Json;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Content;
using Pipeline.Tests.Fakes;

namespace Pipeline.Tests.Ai;

/// <summary>The real OpenAI SDK, through our adapter and generator, over real HTTP against <see cref="FakeOpenAiServer"/>.</summary>
public sealed class OpenAi_compatible_provider : IAsyncLifetime
{
    private const string Prompt = "I want to learn trading in 30 days";
    private static readonly SectionCardRequest Cards = new("Trading: A 30-Day Path", "Foundations of Trading", "Trading Fundamentals",
        ["trading basics", "core principles", "order types"], "beginner", 5);

    private FakeOpenAiServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<AiTestHost> StartAsync(params (string Key, string Value)[] overrides)
    {
        var settings = _server.AiSettings;
        foreach (var (key, value) in overrides) settings[key] = value;
        return AiTestHost.StartAsync(settings);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Asks_for_strict_json_schema_output_with_the_operation_name()
    {
        await using var ai = await StartAsync();

        var goals = await ai.Generator.ExtractGoalsAsync(Prompt, Cancel);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(FakeOpenAiServer.Model, request.Model);
        Assert.Equal($"Bearer {FakeOpenAiServer.ApiKey}", request.Authorization);
        Assert.Equal("json_schema", request.ResponseFormatType);
        Assert.Equal("learning_goals", request.SchemaName);
        Assert.True(request.Strict);
        var schema = request.Schema!.Value;
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["interests", "difficulty_level", "estimated_days"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["system", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal(Prompt, JsonDocument.Parse(request.InputJson).RootElement.GetProperty("prompt").GetString());

        Assert.Equal(["trading"], goals.Value.Interests);
        Assert.Equal(30, goals.Value.EstimatedDays);
        Assert.Equal(new AiUsage("openai", FakeOpenAiServer.Model, request.PromptTokens, goals.Usage.CompletionTokens, 1), goals.Usage);
        Assert.True(goals.Usage.CompletionTokens > 0);
    }

    [Fact]
    public async Task Plans_and_writes_cards_with_their_own_schemas()
    {
        await using var ai = await StartAsync();
        var goals = new LearningGoals(["trading"], "beginner", 30);

        var path = await ai.Generator.PlanPathAsync(Prompt, goals, Cancel);
        var cards = await ai.Generator.GenerateCardsAsync(Cards, Cancel);

        Assert.Equal(["learning_path_plan", "section_cards"], _server.Requests.Select(r => r.SchemaName));
        Assert.All(_server.Requests, r => Assert.True(r.Strict));
        Assert.NotEmpty(path.Value.Courses);
        Assert.Equal(5, cards.Value.Count);
    }

    [Fact]
    public async Task Rate_limit_is_transient_and_carries_retry_after_seconds()
    {
        await using var ai = await StartAsync();
        _server.Enqueue(FakeChatReply.RateLimited(TimeSpan.FromSeconds(7)));

        var error = await Assert.ThrowsAsync<AiTransientException>(() => ai.Generator.ExtractGoalsAsync(Prompt, Cancel));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(1, _server.CallCount); // the SDK's own retries are off: our pipeline decides when to retry
    }

    [Fact]
    public async Task Rate_limit_with_an_http_date_gives_the_time_until_then()
    {
        await using var ai = await StartAsync();
        _server.Enqueue(FakeChatReply.RateLimitedUntil(DateTimeOffset.UtcNow.AddSeconds(30)));

        var error = await Assert.ThrowsAsync<AiTransientException>(() => ai.Generator.ExtractGoalsAsync(Prompt, Cancel));

        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task Server_errors_are_transient(int status)
    {
        await using var ai = await StartAsync();
        _server.Behaviour = _ => FakeChatReply.ServerError(status);

        var error = await Assert.ThrowsAsync<AiTransientException>(() => ai.Generator.GenerateCardsAsync(Cards, Cancel));

        Assert.Contains(status.ToString(), error.Message);
        Assert.Equal(1, _server.CallCount);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    [InlineData(404)]
    public async Task Client_errors_are_permanent(int status)
    {
        await using var ai = await StartAsync();
        _server.Behaviour = _ => FakeChatReply.Error(status, "Nope.");

        var error = await Assert.ThrowsAsync<AiPermanentException>(() => ai.Generator.ExtractGoalsAsync(Prompt, Cancel));

        Assert.Contains(status.ToString(), error.Message);
        Assert.DoesNotContain(FakeOpenAiServer.ApiKey, error.Message);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_is_transient()
    {
        await using var ai = await StartAsync(("Ai:RequestTimeoutSeconds", "1"));
        _server.Behaviour = _ => FakeChatReply.Hang();

        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<AiTransientException>(() => ai.Generator.ExtractGoalsAsync(Prompt, Cancel));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task An_unreachable_provider_is_transient()
    {
        var gone = await FakeOpenAiServer.StartAsync();
        var settings = gone.AiSettings;
        await gone.DisposeAsync();
        await using var ai = await AiTestHost.StartAsync(settings);

        await Assert.ThrowsAsync<AiTransientException>(() => ai.Generator.ExtractGoalsAsync(Prompt, Cancel));
    }

    [Fact]
    public async Task Cancelling_the_caller_is_cancellation_not_a_provider_failure()
    {
        await using var ai = await StartAsync();
        _server.Behaviour = _ => FakeChatReply.Hang();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ai.Generator.ExtractGoalsAsync(Prompt, cancel.Token));
    }

    [Fact]
    public async Task Malformed_output_is_repaired_with_the_errors_fed_back()
    {
        await using var ai = await StartAsync();
        _server.Enqueue(FakeChatReply.Malformed());

        var cards = await ai.Generator.GenerateCardsAsync(Cards, Cancel);

        Assert.Equal(5, cards.Value.Count);
        Assert.Equal(2, _server.CallCount);
        var repair = _server.Requests[1];
        Assert.Equal(["system", "user", "assistant", "user"], repair.Messages.Select(m => m.Role));
        Assert.Contains("not valid JSON", repair.Messages[3].Content);
        Assert.Equal(2, cards.Usage.Calls);
        Assert.Equal(_server.Requests.Sum(r => r.PromptTokens), cards.Usage.PromptTokens);
    }

    [Fact]
    public async Task Output_that_never_validates_fails_permanently_after_the_allowed_repairs()
    {
        await using var ai = await StartAsync(("Ai:MaxRepairs", "2"));
        _server.Behaviour = _ => FakeChatReply.SchemaViolation();

        var error = await Assert.ThrowsAsync<AiPermanentException>(() => ai.Generator.PlanPathAsync(Prompt, new LearningGoals(["trading"], "beginner", 30), Cancel));

        Assert.Equal(3, _server.CallCount);
        Assert.Contains("invalid after 2 repairs", error.Message);
        Assert.Contains("title must be a non-empty string", error.Message);
        Assert.Equal(3, error.Usage!.Calls);
    }

    [Fact]
    public async Task Wrong_card_count_or_repeated_fronts_are_repaired()
    {
        await using var ai = await StartAsync();
        _server.Enqueue(FakeChatReply.WithContent("""{"cards":[{"front":"Q","back":"A"},{"front":"q","back":"B"}]}"""));

        var cards = await ai.Generator.GenerateCardsAsync(Cards, Cancel);

        Assert.Equal(5, cards.Value.Count);
        Assert.Contains("cards must have 5 items", _server.Requests[1].Messages[^1].Content);
    }

    [Fact]
    public async Task A_prompt_without_a_learning_goal_fails_with_the_seed_message()
    {
        await using var ai = await StartAsync();
        _server.Behaviour = _ => FakeChatReply.WithContent("""{"interests":[],"difficulty_level":"beginner","estimated_days":30}""");

        var error = await Assert.ThrowsAsync<AiPermanentException>(() => ai.Generator.ExtractGoalsAsync("qwxz vbnm", Cancel));

        Assert.Equal("Failed to parse learning goals from prompt: qwxz vbnm", error.Message);
        Assert.Equal(1, _server.CallCount); // "no goal" is an answer, not something a repair fixes
    }

    [Fact]
    public async Task Never_more_calls_in_flight_than_max_concurrency()
    {
        await using var ai = await StartAsync(("Ai:MaxConcurrency", "3"));
        _server.Latency = TimeSpan.FromMilliseconds(400);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ai.Generator.GenerateCardsAsync(Cards, Cancel)));

        Assert.Equal(12, _server.CallCount);
        Assert.InRange(_server.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task A_failure_rate_fails_about_that_share_of_calls()
    {
        await using var ai = await StartAsync();
        _server.FailureRate = 0.3;

        var outcomes = new List<bool>();
        for (var i = 0; i < 40; i++)
        {
            try { await ai.Generator.GenerateCardsAsync(Cards, Cancel); outcomes.Add(true); }
            catch (AiTransientException) { outcomes.Add(false); }
        }

        Assert.InRange(outcomes.Count(ok => !ok), 4, 20);
    }
}
