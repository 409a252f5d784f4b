using Pipeline.Messages.Content;

namespace Pipeline.Messages.Stages;

/// <summary>Stage command: plan the path (title, description, courses → sections with keywords).</summary>
/// <param name="Attempt">Which run of the task sent it (0, then one more per retry): a fault from an earlier run is not the current run's failure.</param>
public record PlanLearningPath(Guid TaskId, string Prompt, LearningGoals Goals, int Attempt = 0);
