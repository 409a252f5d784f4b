using Pipeline.Domain.Platform;

namespace Pipeline.Edge.Api.Courses;

/// <summary>Seed 004 <c>GET /api/v1/courses/{id}</c>: the course with its modules.</summary>
public sealed record CourseDetail(
    long Id,
    string Kind,
    string Title,
    string Description,
    long? OwnerId,
    string Visibility,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string Status,
    bool Enrolled,
    DateTime CreatedAt,
    IReadOnlyList<CourseModule> Modules)
{
    public static CourseDetail From(CourseSummary c, IReadOnlyList<CourseModule> modules) => new(c.Id, c.Kind, c.Title, c.Description,
        c.OwnerId, c.Visibility, c.SkillArea, c.DifficultyLevel, c.EstimatedDurationHours, c.Status, c.Enrolled, c.CreatedAt, modules);
}
