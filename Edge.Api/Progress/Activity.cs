namespace Pipeline.Edge.Api.Progress;

public sealed record Activity(long ConceptId, string Title, string Action, DateTimeOffset Timestamp, int TimeSpent);
