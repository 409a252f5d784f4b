namespace Pipeline.Messages.Learning;

/// <summary>Published when a learner completes a concept (seed 003); webhooks, analytics and achievements follow it.</summary>
public sealed record ConceptCompleted(long UserId, long ConceptId, string Title, double MasteryScore, DateTimeOffset CompletedAt);
