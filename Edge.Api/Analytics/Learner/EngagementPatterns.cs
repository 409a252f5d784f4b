namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record EngagementPatterns(IReadOnlyList<string> MostActiveDays, IReadOnlyList<string> PeakHours,
    IReadOnlyDictionary<string, double> ResourcePreferences);
