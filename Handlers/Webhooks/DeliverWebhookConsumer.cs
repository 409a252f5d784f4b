using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Webhooks;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

/// <summary>
/// One attempt of a delivery. A 2xx ends it delivered; anything else schedules the next attempt after a growing delay
/// (through the Postgres-backed scheduler) while <see cref="WebhookOptions.RetryFor"/> since the first attempt allows,
/// then ends it failed. A subscription whose deliveries keep ending failed is disabled and its owner told.
/// </summary>
public sealed class DeliverWebhookConsumer(WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions, WebhookSender sender,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliverWebhookConsumer> logger) : IConsumer<DeliverWebhook>
{
    public async Task Consume(ConsumeContext<DeliverWebhook> context)
    {
        var (deliveryId, attempt) = context.Message;
        var ct = context.CancellationToken;
        // Claimed once: a redelivered command (or a duplicate first send) makes no second attempt.
        if (await deliveries.ClaimAttemptAsync(deliveryId, attempt, ct) is not { } work) return;
        var delivery = work.Delivery;

        if (work.SubscriptionStatus != WebhookStatuses.Active)
        {
            await deliveries.RecordAttemptAsync(delivery.Id, attempt, null, $"Subscription is {work.SubscriptionStatus}", 0,
                WebhookDeliveryStatuses.Failed, null, ct);
            return;
        }

        var outcome = await sender.SendAsync(work, ct);
        if (outcome.Delivered)
        {
            await deliveries.RecordAttemptAsync(delivery.Id, attempt, outcome.StatusCode, null, outcome.DurationMs, WebhookDeliveryStatuses.Delivered, null, ct);
            await subscriptions.RecordDeliveredAsync(delivery.SubscriptionId, ct);
            return;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var firstAttempt = new DateTimeOffset(DateTime.SpecifyKind(delivery.FirstAttemptAt ?? now.UtcDateTime, DateTimeKind.Utc));
        var delay = settings.DelayAfter(attempt);
        if (!outcome.Permanent && now + delay <= firstAttempt + settings.RetryFor)
        {
            // Scheduled before the outcome is recorded: if recording fails, the next attempt still comes.
            await context.ScheduleSend(WebhookQueues.DeliveriesAddress, delay, new DeliverWebhook(deliveryId, attempt + 1));
            await deliveries.RecordAttemptAsync(delivery.Id, attempt, outcome.StatusCode, outcome.Error, outcome.DurationMs,
                WebhookDeliveryStatuses.Pending, now + delay, ct);
            return;
        }

        await deliveries.RecordAttemptAsync(delivery.Id, attempt, outcome.StatusCode, outcome.Error, outcome.DurationMs, WebhookDeliveryStatuses.Failed, null, ct);
        var reason = $"{settings.DisableAfterFailedDeliveries} deliveries in a row failed; the last: {outcome.Error}";
        if (await subscriptions.RecordFailedAsync(delivery.SubscriptionId, settings.DisableAfterFailedDeliveries, reason, ct))
        {
            logger.LogWarning("Webhook subscription {SubscriptionId} to {Url} disabled: {Reason}", delivery.SubscriptionId, work.Url, reason);
            await context.Publish(new WebhookSubscriptionDisabled(work.WebhookId, work.OwnerId, work.Url, reason, now), ct);
        }
    }
}
