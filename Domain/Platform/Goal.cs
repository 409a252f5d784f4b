namespace Pipeline.Domain.Platform;

/// <summary>A learner's goal; <see cref="CurrentValue"/> follows its progress events, reaching the target completes it.</summary>
public sealed record Goal(
    long Id,
    long UserId,
    string Title,
    string Description,
    double TargetValue,
    double CurrentValue,
    string Unit,
    string Status,
    string? DueDate,
    long? CourseId,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public double ProgressPercent => Math.Round(Math.Min(100, CurrentValue / TargetValue * 100), 2);
}

public sealed record NewGoal(long UserId, string Title, string Description, double TargetValue, string Unit, string? DueDate, long? CourseId);

/// <summary>What a PATCH changes; null parts stay.</summary>
public sealed record GoalChange(string? Title, string? Description, double? TargetValue, string? Unit, string? DueDate, string? Status, long? CourseId);

/// <summary>A recorded progress event and the goal after it.</summary>
public sealed record GoalProgress(long EventId, double Delta, Goal Goal, bool Completed);
