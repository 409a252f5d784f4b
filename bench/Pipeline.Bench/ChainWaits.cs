using System.Collections.Concurrent;

namespace Pipeline.Bench;

/// <summary>The chains in flight, each waiting for its last hop to be received.</summary>
public sealed class ChainWaits
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waits = new();

    public Task Start(Guid chainId)
    {
        var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits[chainId] = wait;
        return wait.Task;
    }

    public void Complete(Guid chainId)
    {
        if (_waits.TryRemove(chainId, out var wait)) wait.TrySetResult();
    }
}
