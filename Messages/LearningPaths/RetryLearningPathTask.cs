namespace Pipeline.Messages.LearningPaths;

/// <summary>
/// Command: resume a failed or timed-out task at the stage that failed. Completed stages are not redone, and cards
/// already generated are kept.
/// </summary>
public record RetryLearningPathTask(Guid TaskId);
