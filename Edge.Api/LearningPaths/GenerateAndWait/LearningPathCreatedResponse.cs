using Pipeline.Domain.LearningPaths;

namespace Pipeline.Edge.Api.LearningPaths.GenerateAndWait;

/// <summary>Seed 000's 200 body.</summary>
public sealed record LearningPathCreatedResponse(
    string Message,
    LearningPathSummary LearningPath,
    IReadOnlyList<CourseOutline> Courses,
    string TaskId,
    IReadOnlyList<string> NextSteps);
