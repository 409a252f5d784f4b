namespace Pipeline.Domain.Webhooks;

/// <summary>What one attempt needs: the delivery and where (and with which secret) it goes.</summary>
public sealed record WebhookDeliveryWork(WebhookDelivery Delivery, string WebhookId, string Url, string Secret, string SubscriptionStatus, long OwnerId);
