namespace Pipeline.Domain.Tracks;

/// <summary>A module of a course plan, as finalising writes it.</summary>
public sealed record PlannedModule(string Title, string Description, IReadOnlyList<string> Objectives, double? EstimatedHours);
