using Pipeline.Messages.Content;

namespace Pipeline.Messages.Stages;

public record LearningPathPlanned(Guid TaskId, PlannedPath Plan, LlmUsage Usage);
