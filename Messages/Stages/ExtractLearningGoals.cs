namespace Pipeline.Messages.Stages;

/// <summary>Stage command: extract interests, difficulty and duration from the prompt.</summary>
/// <param name="Attempt">Which run of the task sent it (0, then one more per retry): a fault from an earlier run is not the current run's failure.</param>
public record ExtractLearningGoals(Guid TaskId, string Prompt, int Attempt = 0);
