namespace Pipeline.Domain.LearningPaths;

public sealed record LearningPathView(LearningPathSummary Path, IReadOnlyList<CourseOutline> Courses);
