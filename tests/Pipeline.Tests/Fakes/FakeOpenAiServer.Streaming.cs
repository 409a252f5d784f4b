using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Tests.Fakes;

/// <summary>
/// Streaming (<c>"stream": true</c>): the answer goes out as server-sent <c>chat.completion.chunk</c> events, one
/// word-sized token each, <see cref="TokenDelay"/> apart, then a usage chunk and <c>[DONE]</c>, as OpenAI sends them.
/// A client that closes the stream early is counted in <see cref="StreamsAbandoned"/>.
/// </summary>
public sealed partial class FakeOpenAiServer
{
    private int _streamsAbandoned;
    private int _streamsCompleted;
    private int _tokensStreamed;

    /// <summary>Waited before each streamed token (cancelled if the client gives up).</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>Streams the client closed before the last token.</summary>
    public int StreamsAbandoned => Volatile.Read(ref _streamsAbandoned);

    public int StreamsCompleted => Volatile.Read(ref _streamsCompleted);

    /// <summary>Tokens written on all streams so far.</summary>
    public int TokensStreamed => Volatile.Read(ref _tokensStreamed);

    private static bool IsStreamRequest(FakeChatRequest request) =>
        request.Body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    /// <summary>The answer cut into word-sized tokens (each keeps its trailing space).</summary>
    public static IEnumerable<string> Tokens(string content)
    {
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != ' ') continue;
            yield return content[start..(i + 1)];
            start = i + 1;
        }
        if (start < content.Length) yield return content[start..];
    }

    private async Task WriteStreamAsync(HttpContext context, FakeChatRequest request, string content, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        var id = $"chatcmpl-fake-{request.Number}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = request.Model ?? Model;
        JsonObject Chunk(JsonObject delta, string? finishReason) => new()
        {
            ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };
        async Task WriteAsync(JsonNode chunk)
        {
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }

        try
        {
            await WriteAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
            foreach (var token in Tokens(content))
            {
                if (TokenDelay > TimeSpan.Zero) await Task.Delay(TokenDelay, cancellationToken);
                await WriteAsync(Chunk(new JsonObject { ["content"] = token }, null));
                Interlocked.Increment(ref _tokensStreamed);
            }
            await WriteAsync(Chunk(new JsonObject(), "stop"));
            var completionTokens = Math.Max(1, content.Length / 4);
            await WriteAsync(new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = model, ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = request.PromptTokens, ["completion_tokens"] = completionTokens,
                    ["total_tokens"] = request.PromptTokens + completionTokens,
                },
            });
            await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            Interlocked.Increment(ref _streamsCompleted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref _streamsAbandoned);
        }
    }
}
