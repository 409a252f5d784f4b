using Pipeline.Messages.Content;

namespace Pipeline.Messages.Stages;

/// <summary>Stage command: save the planned path and assign it to the user. Saving twice saves once.</summary>
public record SaveLearningPath(Guid TaskId, long UserId, string Prompt, LearningGoals Goals, PlannedPath Plan);
