namespace Pipeline.Domain.Analytics;

/// <summary>One learner in the instructor's list: who they are (no secrets) and what the rollups know of them.</summary>
public sealed record LearnerSummary(long UserId, string? Name, string Email, long ConceptsCompleted, DateTime? LastActive);
