namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record TopConceptItem(long ConceptId, string? Title, long Completions, long? AverageTime, double? AverageScore);
