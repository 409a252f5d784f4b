namespace Pipeline.Domain.Platform;

public sealed record NewScheduleBlock(long UserId, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Recurring,
    long? GoalId, long? CourseId);
