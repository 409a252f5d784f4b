namespace Pipeline.Messages.Stages;

/// <summary>Stage command: extract interests, difficulty and duration from the prompt.</summary>
public record ExtractLearningGoals(Guid TaskId, string Prompt);
