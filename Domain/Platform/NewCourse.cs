namespace Pipeline.Domain.Platform;

public sealed record NewCourse(
    long OwnerId,
    string Title,
    string Description,
    string Visibility,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    IReadOnlyList<NewCourseModule> Modules);
