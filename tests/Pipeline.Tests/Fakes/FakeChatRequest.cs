using System.Text.Json;

namespace Pipeline.Tests.Fakes;

/// <summary>One chat-completions request as the fake server received it (the real SDK's wire format, parsed).</summary>
/// <param name="Number">1-based, in arrival order.</param>
/// <param name="Authorization">The Authorization header as sent, e.g. "Bearer test-key".</param>
/// <param name="ResponseFormatType">response_format.type: "json_schema", "json_object", "text" or null.</param>
/// <param name="Body">The whole request body, for anything the other properties do not cover.</param>
public record FakeChatRequest(
    int Number,
    string Path,
    string? Authorization,
    string? Model,
    IReadOnlyList<FakeChatMessage> Messages,
    string? ResponseFormatType,
    string? SchemaName,
    bool? Strict,
    JsonElement? Schema,
    double? Temperature,
    int? MaxTokens,
    JsonElement Body)
{
    /// <summary>"stream": true: the answer goes out as server-sent chat.completion.chunk events.</summary>
    public bool Stream { get; init; }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The first user message: where the pipeline puts an operation's inputs (as JSON).</summary>
    public string InputJson => Messages.FirstOrDefault(message => message.Role == "user")?.Content ?? "";

    /// <summary>What the fake reports as prompt tokens for this request: characters / 4, like the offline provider.</summary>
    public int PromptTokens => Math.Max(1, Messages.Sum(message => message.Content.Length) / 4);
}
