namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record Response(string UserId, LearningProfile LearningProfile, PerformanceMetrics PerformanceMetrics, EngagementPatterns EngagementPatterns,
    IReadOnlyList<MilestoneProgress> MilestoneProgress, Recommendations Recommendations);
