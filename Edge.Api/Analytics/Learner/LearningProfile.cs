namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record LearningProfile(string? PreferredTime, long? AverageSessionLength, string? LearningStyle, IReadOnlyList<string> StrengthAreas,
    IReadOnlyList<string> ImprovementAreas);
