namespace Pipeline.Domain.Platform;

public sealed record Reminder
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Message { get; init; } = "";
    public DateTime RemindAt { get; init; }
    /// <summary>Set once, by the delivery that won; null until then.</summary>
    public DateTime? DeliveredAt { get; init; }
    public DateTime CreatedAt { get; init; }
}
