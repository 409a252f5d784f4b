namespace Pipeline.Operations.Metrics;

/// <summary>Cumulative counters of one message type in this process; updated lock-free from many consumers.</summary>
public sealed class MessageTypeCounters
{
    private long _processed;
    private long _failed;
    private long _retried;
    private long _processingMicros;
    private long _criticalMicros;
    private readonly long[] _processingBuckets = new long[MessageTimingBuckets.Count];
    private readonly long[] _criticalBuckets = new long[MessageTimingBuckets.Count];

    public void Processed(TimeSpan processing, TimeSpan? critical)
    {
        Interlocked.Increment(ref _processed);
        Interlocked.Add(ref _processingMicros, (long)(processing.TotalMilliseconds * 1000));
        Interlocked.Increment(ref _processingBuckets[MessageTimingBuckets.IndexOf(processing.TotalMilliseconds)]);
        if (critical is { } sentToDone)
        {
            var ms = Math.Max(0, sentToDone.TotalMilliseconds);
            Interlocked.Add(ref _criticalMicros, (long)(ms * 1000));
            Interlocked.Increment(ref _criticalBuckets[MessageTimingBuckets.IndexOf(ms)]);
        }
    }

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Retried() => Interlocked.Increment(ref _retried);

    public MessageTypeSnapshot Snapshot(string messageType) => new(
        messageType,
        Interlocked.Read(ref _processed),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _retried),
        Interlocked.Read(ref _processingMicros) / 1000.0,
        Read(_processingBuckets),
        Interlocked.Read(ref _criticalMicros) / 1000.0,
        Read(_criticalBuckets));

    private static long[] Read(long[] buckets) => Enumerable.Range(0, buckets.Length).Select(i => Interlocked.Read(ref buckets[i])).ToArray();
}
