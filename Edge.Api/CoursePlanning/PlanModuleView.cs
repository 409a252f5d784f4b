namespace Pipeline.Edge.Api.CoursePlanning;

public sealed record PlanModuleView(int OrderIndex, string Title, string? Description, IReadOnlyList<string>? Objectives, double? EstimatedHours);
