namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>One failed message in a list; <see cref="FailureCount"/> grows each time it fails again after a retry.</summary>
public sealed record FailedMessageSummary(Guid Id, string MessageId, string Queue, string MessageType, string ExceptionType,
    string ExceptionMessage, string? Stage, string GroupId, Guid? TaskCorrelationId, int FailureCount, int RetryCount, string Status,
    DateTime FirstFailedAt, DateTime LastFailedAt);
