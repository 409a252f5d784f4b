namespace Pipeline.Edge.Api.Progress;

public sealed record ProgressRecommendation(long ConceptId, string Title, string Reason, double DifficultyMatch);
