namespace Pipeline.Edge.Api.AiSettings;

public sealed record ConnectionTestResponse(bool Success, string Provider, string Model, double LatencyMs, string? Error);
