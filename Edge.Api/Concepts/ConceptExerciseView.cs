namespace Pipeline.Edge.Api.Concepts;

public sealed record ConceptExerciseView(string Id, string Title, string Type, int Points);
