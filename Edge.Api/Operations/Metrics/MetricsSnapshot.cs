using Pipeline.Operations.Metrics;
using Pipeline.Domain.Tasks;

namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>Everything both metric views (JSON and Prometheus text) are made from, read once.</summary>
public sealed record MetricsSnapshot(
    IReadOnlyList<QueueMetric> Queues,
    IReadOnlyList<MessageTypeSnapshot> MessageTypes,
    IReadOnlyDictionary<string, long> OperatorRetriesByType,
    IReadOnlyList<StageDurationMetric> Stages,
    IReadOnlyList<LlmUsageMetric> Llm,
    FailedMessageCounts FailedMessages,
    IReadOnlyList<(string Endpoint, string InstanceId, bool Up)> Endpoints)
{
    public OpsMetrics ToResponse() => new(
        Queues,
        MessageTypes.Select(t => new MessageTypeMetric(t.MessageType, t.Processed, t.Failed, t.Retried,
            OperatorRetriesByType.GetValueOrDefault(t.MessageType),
            MessageTimingBuckets.Quantile(t.ProcessingBuckets, 0.5), MessageTimingBuckets.Quantile(t.ProcessingBuckets, 0.95),
            MessageTimingBuckets.Quantile(t.CriticalBuckets, 0.5), MessageTimingBuckets.Quantile(t.CriticalBuckets, 0.95))).ToList(),
        Stages,
        Llm,
        FailedMessages,
        DateTime.UtcNow);
}
