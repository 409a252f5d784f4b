namespace Pipeline.Edge.Api.Progress.History;

public sealed record Bucket(string Date, int ConceptsStarted, int ConceptsCompleted, int ConceptsMastered, int TimeSpent, int ExercisesCompleted,
    double? QuizAverage);
