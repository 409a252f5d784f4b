using Pipeline.Domain.Tasks;

namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>The body of <c>GET /api/ops/metrics</c>.</summary>
public sealed record OpsMetrics(
    IReadOnlyList<QueueMetric> Queues,
    IReadOnlyList<MessageTypeMetric> MessageTypes,
    IReadOnlyList<StageDurationMetric> Stages,
    IReadOnlyList<LlmUsageMetric> Llm,
    FailedMessageCounts FailedMessages,
    DateTime GeneratedAt);
