namespace Pipeline.Messages.LearningPaths;

/// <summary>Command: stop a running task. No LLM call starts for it afterwards; its status becomes <c>canceled</c>.</summary>
public record CancelLearningPathTask(Guid TaskId, string Reason);
