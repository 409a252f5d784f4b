namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record StrugglingArea(long ConceptId, string? Title, double FailureRate, double AverageAttempts, IReadOnlyList<string> CommonIssues);
