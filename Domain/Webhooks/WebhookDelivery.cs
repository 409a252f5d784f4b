namespace Pipeline.Domain.Webhooks;

public sealed record WebhookDelivery(long Id, string DeliveryId, long SubscriptionId, string Event, string Body, string Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTime? NextAttemptAt, string? RedeliveryOf, DateTime CreatedAt, DateTime? FirstAttemptAt,
    DateTime? CompletedAt);

public sealed record WebhookDeliveryAttempt(long DeliveryId, int Attempt, int? StatusCode, string? Error, int DurationMs, DateTime AttemptedAt);

/// <summary>What one attempt needs: the delivery and where (and with which secret) it goes.</summary>
public sealed record WebhookDeliveryWork(WebhookDelivery Delivery, string WebhookId, string Url, string Secret, string SubscriptionStatus, long OwnerId);

public static class WebhookDeliveryStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
