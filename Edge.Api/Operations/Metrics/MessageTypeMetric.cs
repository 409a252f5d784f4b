namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>
/// Totals over every instance for one message type. <see cref="Failed"/> counts failed attempts, <see cref="Retried"/>
/// deliveries that were retries (in-process, scheduled or by an operator), <see cref="OperatorRetries"/> messages sent back
/// from the failed-message list. Times in milliseconds, estimated from histogram buckets.
/// </summary>
public sealed record MessageTypeMetric(string MessageType, long Processed, long Failed, long Retried, long OperatorRetries,
    double? ProcessingP50Ms, double? ProcessingP95Ms, double? CriticalTimeP50Ms, double? CriticalTimeP95Ms);
