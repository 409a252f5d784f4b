namespace Pipeline.Edge.Api.Adaptive.Recommendations;

public sealed record Insights(string CurrentLevel, string Momentum, string SuggestedPace, IReadOnlyList<string> StrengthAreas, IReadOnlyList<string> FocusAreas);
