namespace Pipeline.Operations.Metrics;

/// <summary>Counters of one message type: one instance's (as flushed) or the sum over instances (as read).</summary>
public sealed record MessageTypeSnapshot(
    string MessageType,
    long Processed,
    long Failed,
    long Retried,
    double ProcessingMsSum,
    long[] ProcessingBuckets,
    double CriticalMsSum,
    long[] CriticalBuckets);
