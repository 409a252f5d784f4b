using Pipeline.Domain.Platform;

namespace Pipeline.Edge.Api.Schedule;

/// <summary>A created block as <c>POST /api/v1/schedule</c> answers it.</summary>
public sealed record ScheduledBlock(long Id, string Title, string Description, DateTimeOffset Start, DateTimeOffset End, string? Recurring,
    long? GoalId, long? CourseId, DateTime CreatedAt)
{
    public static ScheduledBlock From(ScheduleBlock b) => new(b.Id, b.Title, b.Description,
        new DateTimeOffset(DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(b.EndsAt, DateTimeKind.Utc)),
        b.Recurring, b.GoalId, b.CourseId, b.CreatedAt);
}
