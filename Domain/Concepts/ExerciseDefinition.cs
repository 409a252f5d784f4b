namespace Pipeline.Domain.Concepts;

/// <summary>An exercise as a ticket's <c>learning_exercises</c> field declares it (and as the <c>exercises</c> table holds it).</summary>
public sealed record ExerciseDefinition(
    string Key,
    string Title,
    string Type,
    int Difficulty,
    int Points,
    int EstimatedTime,
    int TimeLimit,
    string Instructions,
    IReadOnlyList<string> Requirements,
    string StarterCode,
    IReadOnlyList<QuizQuestion> Questions);
