namespace Pipeline.Domain.Webhooks;

public sealed record WebhookDeliveryAttempt(long DeliveryId, int Attempt, int? StatusCode, string? Error, int DurationMs, DateTime AttemptedAt);
