using Pipeline.Messages.Content;

namespace Pipeline.Messages.Stages;

public record LearningGoalsExtracted(Guid TaskId, LearningGoals Goals, LlmUsage Usage);
