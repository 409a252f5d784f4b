namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record PathItem(IReadOnlyList<long> Path, double SuccessRate, long? AverageTime, long Learners);
