namespace Pipeline.Edge.Api.Progress;

public sealed record Velocity(double ConceptsPerWeek, double HoursPerWeek, string Trend);
