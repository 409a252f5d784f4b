using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Pipeline.Domain.Webhooks;
using Pipeline.Messages.Webhooks;
using Pipeline.Domain.Database;

namespace Pipeline.Handlers.Webhooks;

/// <summary>
/// Turns one event into a stored, signed delivery per subscription that asked for it, and sends each its first attempt.
/// The seed's payload: <c>{"event", "timestamp", "data", "signature"}</c>.
/// </summary>
public sealed class WebhookFanOut(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries)
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public async Task<int> PublishAsync(ConsumeContext context, string eventName, string eventKey, DateTimeOffset occurredAt, JsonObject data,
        long? onlyOwner = null)
    {
        var ct = context.CancellationToken;
        var sent = 0;
        foreach (var subscription in await subscriptions.ActiveForAsync(eventName, onlyOwner, ct))
        {
            var unsigned = new JsonObject
            {
                ["event"] = eventName,
                ["timestamp"] = occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["data"] = data.DeepClone(),
            }.ToJsonString(Json);
            var body = WebhookSignature.SignedBody(unsigned, subscription.Secret);
            if (await deliveries.AddAsync(subscription.Id, eventName, eventKey, body, ct) is not { } deliveryId) continue;
            var endpoint = await context.GetSendEndpoint(WebhookQueues.DeliveriesAddress);
            await endpoint.Send(new DeliverWebhook(deliveryId, 1), ct);
            sent++;
        }
        return sent;
    }
}
