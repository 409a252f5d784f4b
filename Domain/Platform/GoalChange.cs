namespace Pipeline.Domain.Platform;

/// <summary>What a PATCH changes; null parts stay.</summary>
public sealed record GoalChange(string? Title, string? Description, double? TargetValue, string? Unit, string? DueDate, string? Status, long? CourseId);
