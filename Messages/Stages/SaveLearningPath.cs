using Pipeline.Messages.Content;

namespace Pipeline.Messages.Stages;

/// <summary>Stage command: save the planned path and assign it to the user. Saving twice saves once.</summary>
/// <param name="Attempt">Which run of the task sent it (0, then one more per retry): a fault from an earlier run is not the current run's failure.</param>
public record SaveLearningPath(Guid TaskId, long UserId, string Prompt, LearningGoals Goals, PlannedPath Plan, int Attempt = 0);
