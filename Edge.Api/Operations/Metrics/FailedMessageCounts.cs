namespace Pipeline.Edge.Api.Operations.Metrics;

public sealed record FailedMessageCounts(long Unresolved, long Archived, long Retried);
