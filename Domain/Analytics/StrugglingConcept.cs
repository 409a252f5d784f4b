namespace Pipeline.Domain.Analytics;

public sealed record StrugglingConcept(long ConceptId, string? Title, double FailureRate, double AverageAttempts, long Submissions);
