namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record Response(string UserId, LearningProfile LearningProfile, PerformanceMetrics PerformanceMetrics, EngagementPatterns EngagementPatterns,
    IReadOnlyList<MilestoneProgress> MilestoneProgress, Recommendations Recommendations);

public sealed record LearningProfile(string? PreferredTime, long? AverageSessionLength, string? LearningStyle, IReadOnlyList<string> StrengthAreas,
    IReadOnlyList<string> ImprovementAreas);

public sealed record PerformanceMetrics(double? OverallMastery, double ConceptsPerWeek, double? ExerciseSuccessRate, double? QuizAverage);

public sealed record EngagementPatterns(IReadOnlyList<string> MostActiveDays, IReadOnlyList<string> PeakHours,
    IReadOnlyDictionary<string, double> ResourcePreferences);

public sealed record MilestoneProgress(string Milestone, string StartDate, string? TargetDate, double? Progress, bool OnTrack, DateTime? AchievedAt);

public sealed record Recommendations(IReadOnlyList<long> NextConcepts, string SuggestedPaceAdjustment, IReadOnlyList<string> FocusAreas);
