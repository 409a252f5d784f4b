using Pipeline.Domain.LearningPaths;

namespace Pipeline.Edge.Api.LearningPaths.Detail;

/// <summary>A path with its courses → sections → cards (the fields of seed 000's learning_path, flattened in).</summary>
public sealed record LearningPathDetailResponse(
    long Id, string Title, string Description, string DifficultyLevel, int EstimatedDays, string[] Interests, DateTime CreatedAt,
    int TotalCards, IReadOnlyList<CourseOutline> Courses)
{
    public static LearningPathDetailResponse From(LearningPathView view) => new(
        view.Path.Id, view.Path.Title, view.Path.Description, view.Path.DifficultyLevel, view.Path.EstimatedDays, view.Path.Interests,
        view.Path.CreatedAt, view.Courses.Sum(c => c.Sections.Sum(s => s.Cards?.Count ?? 0)), view.Courses);
}
