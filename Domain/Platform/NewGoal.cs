namespace Pipeline.Domain.Platform;

public sealed record NewGoal(long UserId, string Title, string Description, double TargetValue, string Unit, string? DueDate, long? CourseId);
