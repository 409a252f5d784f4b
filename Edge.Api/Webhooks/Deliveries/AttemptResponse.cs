namespace Pipeline.Edge.Api.Webhooks.Deliveries;

public sealed record AttemptResponse(int Attempt, int? StatusCode, string? Error, int DurationMs, DateTime AttemptedAt);
