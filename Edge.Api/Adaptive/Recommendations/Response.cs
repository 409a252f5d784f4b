namespace Pipeline.Edge.Api.Adaptive.Recommendations;

public sealed record Response(IReadOnlyList<Recommendation> Recommendations, Insights LearningInsights, AdaptivePath AdaptivePath);
