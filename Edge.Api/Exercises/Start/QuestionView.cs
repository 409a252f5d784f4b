namespace Pipeline.Edge.Api.Exercises.Start;

public sealed record QuestionView(int Number, string Question, IReadOnlyList<string> Options);
