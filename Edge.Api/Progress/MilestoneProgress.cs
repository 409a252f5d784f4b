namespace Pipeline.Edge.Api.Progress;

public sealed record MilestoneProgress(string Name, int TotalConcepts, int Completed, double ProgressPercentage, string? EstimatedCompletion);
