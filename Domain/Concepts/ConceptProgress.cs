namespace Pipeline.Domain.Concepts;

/// <summary>One learner's state on one concept. <see cref="Mastery"/> is BKT's P(learned), 0 until there is evidence.</summary>
public sealed record ConceptProgress(long ConceptId, string Status, double Mastery, int Observations, int TimeSpent,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);
