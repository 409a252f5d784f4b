namespace Pipeline.Messages.Webhooks;

/// <summary>Command: make attempt <paramref name="Attempt"/> (1-based) of a stored webhook delivery. Sent again, delayed, for each retry.</summary>
public sealed record DeliverWebhook(string DeliveryId, int Attempt);
