namespace Pipeline.Domain.Platform;

public sealed record NewCourseModule(string Title, string Description, string[] Objectives, string[] Keywords, double? EstimatedHours);
