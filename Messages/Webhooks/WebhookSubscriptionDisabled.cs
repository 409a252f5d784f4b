namespace Pipeline.Messages.Webhooks;

/// <summary>Published when a subscription kept failing and was disabled, so its owner can be told.</summary>
public sealed record WebhookSubscriptionDisabled(string WebhookId, long OwnerId, string Url, string Reason, DateTimeOffset DisabledAt);
