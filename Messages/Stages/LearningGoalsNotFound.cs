namespace Pipeline.Messages.Stages;

/// <summary>
/// The model read the prompt and found no learning goal in it: a final answer about the user's input, not a fault.
/// The saga fails the task with <paramref name="Reason"/> as its error; nothing lands in an error queue, and retrying the
/// same prompt would only give the same answer.
/// </summary>
public record LearningGoalsNotFound(Guid TaskId, string Reason, LlmUsage Usage);
