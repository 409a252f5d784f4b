namespace Pipeline.Domain.Concepts;

/// <summary>One learner's state on one concept. <see cref="Mastery"/> is BKT's P(learned), 0 until there is evidence.</summary>
public sealed record ConceptProgress(long ConceptId, string Status, double Mastery, int Observations, int TimeSpent,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

/// <summary>The outcome of completing a concept.</summary>
public sealed record ConceptCompletion(Guid SessionId, string Status, double Mastery, int TimeSpent, DateTimeOffset CompletedAt);
