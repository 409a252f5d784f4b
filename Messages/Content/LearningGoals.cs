namespace Pipeline.Messages.Content;

/// <summary>What a learner wants, extracted from their prompt (seed 000, workflow step 2).</summary>
/// <param name="DifficultyLevel">beginner, intermediate or advanced.</param>
public record LearningGoals(IReadOnlyList<string> Interests, string DifficultyLevel, int EstimatedDays);
