namespace Pipeline.Messages.Webhooks;

/// <summary>The webhook queues (part of the bus contract: another system may send <c>DeliverWebhook</c>).</summary>
public static class WebhookQueues
{
    /// <summary>Learning events (and exports, struggles) fanned out to subscriptions.</summary>
    public const string Events = "webhook-events";

    /// <summary><c>DeliverWebhook</c>: one attempt each; retries come back here through the scheduler.</summary>
    public const string Deliveries = "webhook-deliveries";

    /// <summary>Failed exercise submissions counted for <c>user.struggled</c>.</summary>
    public const string Struggles = "webhook-struggles";

    public static Uri DeliveriesAddress { get; } = new($"queue:{Deliveries}");
}
