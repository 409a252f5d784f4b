namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record LearningPaths(IReadOnlyList<PathItem> MostSuccessful);
