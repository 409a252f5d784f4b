namespace Pipeline.Messages.LearningPaths;

/// <summary>Response to a <see cref="GenerateLearningPath"/> request when the task failed before its structure was saved.</summary>
/// <param name="Stage">The seed 002 stage name that failed, e.g. <c>extracting_goals</c>.</param>
public record LearningPathGenerationFailed(Guid TaskId, string Stage, string Reason);
