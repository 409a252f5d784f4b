namespace Pipeline.Edge.Api.Analytics.Dashboard;

public sealed record Trend(double Current, double Previous, double? ChangePercentage);
