namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed record Recommendations(IReadOnlyList<long> NextConcepts, string SuggestedPaceAdjustment, IReadOnlyList<string> FocusAreas);
