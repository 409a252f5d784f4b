namespace Pipeline.Domain.Analytics;

public sealed record TopConcept(long ConceptId, string? Title, long Completions, double? AverageTime, double? AverageScore);
