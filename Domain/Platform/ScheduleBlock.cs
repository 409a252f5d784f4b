namespace Pipeline.Domain.Platform;

/// <summary>A time block in a user's schedule; <see cref="Recurring"/> is an RFC 5545 RRULE or null.</summary>
public sealed record ScheduleBlock
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public DateTime StartsAt { get; init; }
    public DateTime EndsAt { get; init; }
    public string? Recurring { get; init; }
    public long? GoalId { get; init; }
    public long? CourseId { get; init; }
    public DateTime CreatedAt { get; init; }
}
