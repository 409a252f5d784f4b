namespace Pipeline.Domain.Webhooks;

/// <summary>A subscription (properties, not a positional record: Dapper hands text[] over as an array only to setters).</summary>
public sealed record WebhookSubscription
{
    public long Id { get; init; }
    public string WebhookId { get; init; } = "";
    public long OwnerId { get; init; }
    public string Url { get; init; } = "";
    public string[] Events { get; init; } = [];
    public string Secret { get; init; } = "";
    public string Status { get; init; } = "";
    public int FailedDeliveries { get; init; }
    public string? DisabledReason { get; init; }
    public DateTime? DisabledAt { get; init; }
    public DateTime CreatedAt { get; init; }
}
