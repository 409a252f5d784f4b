namespace Pipeline.Edge.Api.Adaptive.Feedback;

public sealed record Adjustments(string DifficultyPreference, IReadOnlyDictionary<string, double> ResourceWeights, string PaceAdjustment);
