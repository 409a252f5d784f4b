using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Pipeline.ChatBench;

/// <summary>
/// The model for the benchmark, in process: waits <see cref="FirstTokenDelay"/>, then streams <see cref="Tokens"/>
/// word tokens <see cref="TokenDelay"/> apart, and records how long each call took to its first token (the model's own
/// time to first token, subtracted from what the client sees).
/// </summary>
public sealed class BenchModel : IChatClient
{
    public TimeSpan FirstTokenDelay { get; set; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan TokenDelay { get; set; }
    public int Tokens { get; set; } = 40;
    public ConcurrentQueue<double> FirstTokenMs { get; } = new();

    /// <summary>When the latest call yielded its first token (<see cref="Stopwatch.GetTimestamp"/>): where a relay starts.</summary>
    public long FirstTokenTimestamp { get; private set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken)) updates.Add(update);
        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (FirstTokenDelay > TimeSpan.Zero) await Task.Delay(FirstTokenDelay, cancellationToken);
        for (var i = 0; i < Tokens; i++)
        {
            if (i > 0 && TokenDelay > TimeSpan.Zero) await Task.Delay(TokenDelay, cancellationToken);
            if (i == 0)
            {
                FirstTokenMs.Enqueue(clock.Elapsed.TotalMilliseconds);
                FirstTokenTimestamp = Stopwatch.GetTimestamp();
            }
            yield return new ChatResponseUpdate(ChatRole.Assistant, $"token{i} ");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("bench", null, "bench-model") : null;

    public void Dispose()
    {
    }
}
