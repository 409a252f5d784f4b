using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// Bounds the LLM calls in flight in this process. Card generation fans out one message per section across many
/// consumers; without a bound a large path would open dozens of calls at once and trip the provider's rate limit.
/// Callers wait their turn (cancellably) instead of failing. A streamed answer holds its slot until it is read to the end.
/// </summary>
public sealed class ConcurrencyLimitingChatClient(IChatClient innerClient, int maxConcurrency) : DelegatingChatClient(innerClient)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    public int MaxConcurrency { get; } = maxConcurrency;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
                yield return update;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Leaves the inner client alone: the container (or the test that injected it) owns it.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _slots.Dispose();
    }
}
