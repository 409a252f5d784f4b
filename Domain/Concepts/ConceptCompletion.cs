namespace Pipeline.Domain.Concepts;

/// <summary>The outcome of completing a concept.</summary>
public sealed record ConceptCompletion(Guid SessionId, string Status, double Mastery, int TimeSpent, DateTimeOffset CompletedAt);
