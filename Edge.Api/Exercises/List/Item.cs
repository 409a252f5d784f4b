namespace Pipeline.Edge.Api.Exercises.List;

public sealed record Item(string Id, string Title, long ConceptId, string Type, int Difficulty, int Points, int EstimatedTime, string Status,
    double CompletionRate, bool PrerequisitesMet);
