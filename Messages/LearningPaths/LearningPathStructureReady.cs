namespace Pipeline.Messages.LearningPaths;

/// <summary>Response to a <see cref="GenerateLearningPath"/> request: the path is saved; cards follow in the background.</summary>
public record LearningPathStructureReady(Guid TaskId, long LearningPathId);
