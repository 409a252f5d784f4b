namespace Pipeline.Messages.Tracks;

/// <summary>
/// Plan a course for a track from its parameters and, when given, the planning dialogue so far (the learner's and the
/// AI's turns, oldest first). A request (queue <c>generate-course-plan</c>), answered with <see cref="CoursePlanGenerated"/>
/// or <see cref="CoursePlanFailed"/>; nothing is stored by the worker.
/// </summary>
public sealed record GenerateCoursePlan(
    long UserId,
    string Title,
    string Description,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string? UserExpectations,
    IReadOnlyList<string> Dialogue);
