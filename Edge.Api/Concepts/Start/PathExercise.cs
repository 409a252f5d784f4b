namespace Pipeline.Edge.Api.Concepts.Start;

public sealed record PathExercise(string Id, string Title, string Instructions);
