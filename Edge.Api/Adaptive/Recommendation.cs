namespace Pipeline.Edge.Api.Adaptive;

public sealed record Recommendation(long ConceptId, string Title, string Reason, double Confidence, int EstimatedTime, double DifficultyMatch,
    bool PrerequisitesReady, double LearningStyleMatch);
