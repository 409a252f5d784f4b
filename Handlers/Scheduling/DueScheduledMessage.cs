namespace Pipeline.Handlers.Scheduling;

/// <summary>A row of <c>scheduled_messages</c> whose time has come.</summary>
public sealed record DueScheduledMessage(
    Guid TokenId,
    string Destination,
    string[] MessageTypes,
    string Payload,
    string Headers,
    Guid? MessageId,
    Guid? CorrelationId,
    Guid? ConversationId,
    Guid? InitiatorId,
    Guid? RequestId,
    string? SourceAddress,
    string? ResponseAddress,
    string? FaultAddress,
    DateTime? ExpiresAt);
