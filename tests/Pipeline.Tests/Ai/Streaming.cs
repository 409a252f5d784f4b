using System.Text.Json;
using Microsoft.Extensions.AI;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Ai.Offline;
using Pipeline.Messages.Content;
using Pipeline.Tests.Fakes;

namespace Pipeline.Tests.Ai;

/// <summary><c>GetStreamingResponseAsync</c> through the whole pipeline (limit, cancel gate, telemetry, logging, error translation).</summary>
public sealed class Streaming : IAsyncLifetime
{
    private static readonly SectionCardRequest Cards = new("Trading: A 30-Day Path", "Foundations of Trading", "Trading Fundamentals",
        ["trading basics", "core principles", "order types"], "beginner", 5);

    private FakeOpenAiServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static List<ChatMessage> CardMessages() =>
    [
        new(ChatRole.System, "Write study cards."),
        new(ChatRole.User, JsonSerializer.Serialize(Cards, AiWireJson.Options)),
    ];

    private static ChatOptions CardOptions() => new() { ResponseFormat = ChatResponseFormat.ForJsonSchema(
        JsonDocument.Parse("""{"type":"object"}""").RootElement, AiSchemaNames.SectionCards) };

    private static string ExpectedCards => OfflineAnswers.Answer(AiSchemaNames.SectionCards, JsonSerializer.Serialize(Cards, AiWireJson.Options))!;

    [Fact]
    public async Task The_offline_provider_streams_through_the_pipeline()
    {
        await using var ai = await AiTestHost.StartAsync();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in ai.Chat.GetStreamingResponseAsync(CardMessages(), CardOptions(), Cancel)) updates.Add(update);

        var response = updates.ToChatResponse();
        Assert.Equal(ExpectedCards, response.Text);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Fact]
    public async Task The_openai_sdk_streams_through_the_pipeline_in_pieces_with_usage()
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in ai.Chat.GetStreamingResponseAsync(CardMessages(), CardOptions(), Cancel)) updates.Add(update);

        var request = Assert.Single(_server.Requests);
        Assert.True(request.Stream);
        Assert.Equal("section_cards", request.SchemaName);
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1, "the answer arrived in one piece");
        var response = updates.ToChatResponse();
        Assert.Equal(ExpectedCards, response.Text);
        Assert.Equal(request.PromptTokens, response.Usage?.InputTokenCount);
        Assert.Equal(0, _server.InFlight);
    }

    [Fact]
    public async Task A_rate_limited_stream_is_transient_and_carries_retry_after()
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);
        _server.Enqueue(FakeChatReply.RateLimited(TimeSpan.FromSeconds(7)));

        var error = await Assert.ThrowsAsync<AiTransientException>(async () =>
        {
            await foreach (var _ in ai.Chat.GetStreamingResponseAsync(CardMessages(), CardOptions(), Cancel)) { }
        });

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(1, _server.CallCount);
    }

    [Fact]
    public async Task A_stream_is_refused_by_the_cancel_gate_before_it_reaches_the_provider()
    {
        await using var ai = await AiTestHost.StartAsync(_server.AiSettings);

        using (LlmCallPermission.OnlyWhile(_ => Task.FromResult(false)))
            await Assert.ThrowsAsync<LlmCallRefusedException>(async () =>
            {
                await foreach (var _ in ai.Chat.GetStreamingResponseAsync(CardMessages(), CardOptions(), Cancel)) { }
            });

        Assert.Equal(0, _server.CallCount);
    }

    [Fact]
    public async Task Streams_share_the_concurrency_limit()
    {
        await using var ai = await AiTestHost.StartAsync(new Dictionary<string, string?>(_server.AiSettings) { ["Ai:MaxConcurrency"] = "2" });
        _server.Latency = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ignored =>
        {
            await foreach (var _ in ai.Chat.GetStreamingResponseAsync(CardMessages(), CardOptions(), Cancel)) { }
        }));

        Assert.Equal(6, _server.CallCount);
        Assert.InRange(_server.MaxInFlight, 1, 2);
    }
}
