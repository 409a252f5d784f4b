using Pipeline.Domain.Webhooks;

namespace Pipeline.Edge.Api.Webhooks;

/// <summary>A subscription as seed 003 shows it (the secret is never sent back).</summary>
public sealed record WebhookResponse(string WebhookId, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string Status,
    int FailedDeliveries, string? DisabledReason, DateTime? DisabledAt)
{
    public static WebhookResponse From(WebhookSubscription s) =>
        new(s.WebhookId, s.Url, s.Events, s.CreatedAt, s.Status, s.FailedDeliveries, s.DisabledReason, s.DisabledAt);
}
