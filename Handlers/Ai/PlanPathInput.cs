using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai;

/// <summary>The user message of the path planning call.</summary>
public record PlanPathInput(string Prompt, LearningGoals Goals);
