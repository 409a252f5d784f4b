using Pipeline.Domain.Webhooks;

namespace Pipeline.Edge.Api.Webhooks.Deliveries;

public sealed record DeliveryResponse(string DeliveryId, string Event, string Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTime? NextRetryAt, DateTime CreatedAt, DateTime? CompletedAt, string? RedeliveryOf, IReadOnlyList<AttemptResponse> AttemptLog)
{
    public static DeliveryResponse From(WebhookDelivery d, IEnumerable<WebhookDeliveryAttempt> attempts) =>
        new(d.DeliveryId, d.Event, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.CreatedAt, d.CompletedAt, d.RedeliveryOf,
            attempts.Select(a => new AttemptResponse(a.Attempt, a.StatusCode, a.Error, a.DurationMs, a.AttemptedAt)).ToList());
}
