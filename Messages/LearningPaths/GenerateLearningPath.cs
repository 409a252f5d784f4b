namespace Pipeline.Messages.LearningPaths;

/// <summary>
/// Command: plan a learning path from a learner's prompt, save it for the user, then generate its cards.
/// Starts the learning-path saga (queue <c>learning-path-saga</c>). Sent by Edge.Api and by other systems; when sent as a
/// request, the saga answers <see cref="LearningPathStructureReady"/> once the structure is saved, or
/// <see cref="LearningPathGenerationFailed"/>. Sending the same <paramref name="TaskId"/> again has no further effect.
/// </summary>
/// <param name="TaskId">Chosen by the sender (a new GUID); identifies the task in every later message.</param>
/// <param name="UserId">The user the path is saved for and assigned to.</param>
/// <param name="Prompt">The learner's goal in their own words, e.g. "I want to learn trading in 30 days".</param>
public record GenerateLearningPath(Guid TaskId, long UserId, string Prompt);
