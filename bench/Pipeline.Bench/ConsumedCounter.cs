namespace Pipeline.Bench;

/// <summary>Counts consumed messages and completes once the expected number arrived.</summary>
public sealed class ConsumedCounter
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;
    private int _count;

    public int Count => Volatile.Read(ref _count);
    public Task AllConsumed => _done.Task;

    public void Expect(int expected)
    {
        _expected = expected;
        if (Count >= expected) _done.TrySetResult();
    }

    public void Increment()
    {
        if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _expected)) _done.TrySetResult();
    }
}
