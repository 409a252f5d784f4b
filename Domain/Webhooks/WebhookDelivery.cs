namespace Pipeline.Domain.Webhooks;

public sealed record WebhookDelivery(long Id, string DeliveryId, long SubscriptionId, string Event, string Body, string Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTime? NextAttemptAt, string? RedeliveryOf, DateTime CreatedAt, DateTime? FirstAttemptAt,
    DateTime? CompletedAt);
