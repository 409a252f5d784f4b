namespace Pipeline.Domain.LearningPaths;

public sealed record LearningPathSummary(
    long Id, string Title, string Description, string DifficultyLevel, int EstimatedDays, string[] Interests, DateTime CreatedAt);
