namespace Pipeline.Edge.Api.Concepts.Complete;

public sealed record Response(long ConceptId, string Status, double MasteryScore, int TimeSpent, DateTimeOffset CompletionDate,
    IReadOnlyList<AchievementView> AchievementsUnlocked, IReadOnlyList<long> NextConcepts, string? CertificateUrl);
