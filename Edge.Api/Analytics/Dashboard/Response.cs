namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record Response(string Scope, string? UserId, string Timeframe, Summary Summary, Trends Trends, IReadOnlyList<TopConceptItem> TopConcepts,
    IReadOnlyList<StrugglingArea> StrugglingAreas, LearningPaths LearningPaths);

public sealed record Summary(long ActiveLearners, long ConceptsCompleted, double? AverageMasteryScore, double TotalLearningHours);

public sealed record Trends(Trend CompletionRate, Trend EngagementScore);

public sealed record Trend(double Current, double Previous, double? ChangePercentage);

public sealed record TopConceptItem(long ConceptId, string? Title, long Completions, long? AverageTime, double? AverageScore);

public sealed record StrugglingArea(long ConceptId, string? Title, double FailureRate, double AverageAttempts, IReadOnlyList<string> CommonIssues);

public sealed record LearningPaths(IReadOnlyList<PathItem> MostSuccessful);

public sealed record PathItem(IReadOnlyList<long> Path, double SuccessRate, long? AverageTime, long Learners);
