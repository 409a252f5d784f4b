namespace Pipeline.Bench;

/// <summary>Counts consumed messages; each <see cref="Expect"/> starts a new wait for a total to be reached.</summary>
public sealed class ConsumedCounter
{
    private readonly object _gate = new();
    private TaskCompletionSource _done = NewWait();
    private int _expected = int.MaxValue;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes once the total given to the latest <see cref="Expect"/> has been consumed.</summary>
    public Task AllConsumed
    {
        get { lock (_gate) return _done.Task; }
    }

    public void Expect(int expected)
    {
        lock (_gate)
        {
            // A fresh wait each time: the warm-up's completed wait must not end the timed run before it starts.
            _done = NewWait();
            _expected = expected;
            if (Count >= expected) _done.TrySetResult();
        }
    }

    public void Increment()
    {
        if (Interlocked.Increment(ref _count) < Volatile.Read(ref _expected)) return;
        lock (_gate) if (Count >= _expected) _done.TrySetResult();
    }

    private static TaskCompletionSource NewWait() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
