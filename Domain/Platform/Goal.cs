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
