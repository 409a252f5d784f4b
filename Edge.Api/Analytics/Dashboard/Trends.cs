namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record Trends(Trend CompletionRate, Trend EngagementScore);
