namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record Response(string Scope, string? UserId, string Timeframe, Summary Summary, Trends Trends, IReadOnlyList<TopConceptItem> TopConcepts,
    IReadOnlyList<StrugglingArea> StrugglingAreas, LearningPaths LearningPaths);
