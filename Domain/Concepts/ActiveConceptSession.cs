namespace Pipeline.Domain.Concepts;

/// <summary>A learner's open learning session on a concept (at most one: migration 0021's <c>concept_sessions_active</c>).</summary>
public sealed record ActiveConceptSession(Guid Id, DateTimeOffset StartedAt, string LearningMode);
