using Pipeline.Messages.Content;

namespace Pipeline.Messages.Stages;

/// <summary>Stage command: plan the path (title, description, courses → sections with keywords).</summary>
public record PlanLearningPath(Guid TaskId, string Prompt, LearningGoals Goals);
