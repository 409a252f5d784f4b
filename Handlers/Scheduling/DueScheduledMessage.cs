namespace Pipeline.Handlers.Scheduling;

/// <summary>A row of <c>scheduled_messages</c> whose time has come (a class with setters: Dapper maps text[] columns only onto properties).</summary>
public sealed class DueScheduledMessage
{
    public Guid TokenId { get; init; }
    public string Destination { get; init; } = "";
    public string[] MessageTypes { get; init; } = [];
    public string Payload { get; init; } = "";
    public string Headers { get; init; } = "{}";
    public Guid? MessageId { get; init; }
    public Guid? CorrelationId { get; init; }
    public Guid? ConversationId { get; init; }
    public Guid? InitiatorId { get; init; }
    public Guid? RequestId { get; init; }
    public string? SourceAddress { get; init; }
    public string? ResponseAddress { get; init; }
    public string? FaultAddress { get; init; }
    public DateTime? ExpiresAt { get; init; }
}
