namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>Failed messages of one message type, exception type and stage.</summary>
public sealed record FailedMessageGroup(string Id, long Count, string MessageType, string ExceptionType, string? Stage,
    DateTime FirstFailedAt, DateTime LastFailedAt);
