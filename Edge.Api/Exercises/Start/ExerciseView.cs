namespace Pipeline.Edge.Api.Exercises.Start;

public sealed record ExerciseView(string Id, string Title, string Type, string Instructions, IReadOnlyList<string> Requirements, string StarterCode,
    int TestCases, int TimeLimit, IReadOnlyList<QuestionView> Questions);
