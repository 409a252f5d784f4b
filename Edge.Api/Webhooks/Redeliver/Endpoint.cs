using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Webhooks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Edge.Api.Webhooks.Redeliver;

/// <summary>Sends a finished delivery again, as a new delivery of the same body (its own attempts and retries).</summary>
public sealed class Endpoint(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, ISendEndpointProvider send)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags("LearnTrac webhooks").Produces<Response>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var subscription = await subscriptions.FindOwnedAsync(User.UserId(), request.WebhookId, ct) ?? throw ApiException.NotFound("Webhook not found");
        var original = await deliveries.FindAsync(subscription.Id, request.DeliveryId, ct) ?? throw ApiException.NotFound("Delivery not found");
        if (original.Status == WebhookDeliveryStatuses.Pending)
            throw ApiException.Conflict("The delivery is still being attempted.");
        if (subscription.Status != WebhookStatuses.Active)
            throw ApiException.Conflict($"The webhook is {subscription.Status}; only an active webhook receives deliveries.");
        var deliveryId = await deliveries.AddRedeliveryAsync(original, ct) ?? throw new InvalidOperationException("Redelivery was not stored.");
        var endpoint = await send.GetSendEndpoint(WebhookQueues.DeliveriesAddress);
        await endpoint.Send(new DeliverWebhook(deliveryId, 1), ct);
        await Send.ResponseAsync(new Response(deliveryId, original.DeliveryId, WebhookDeliveryStatuses.Pending), StatusCodes.Status202Accepted, ct);
    }
}
