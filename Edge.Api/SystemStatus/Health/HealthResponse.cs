namespace Pipeline.Edge.Api.SystemStatus.Health;

public sealed record HealthResponse(string Status, string Version, DateTimeOffset Timestamp);
