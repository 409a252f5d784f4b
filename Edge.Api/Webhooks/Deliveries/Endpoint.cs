using FastEndpoints;
using Pipeline.Domain.Webhooks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Webhooks.Deliveries;

/// <summary>A subscription's deliveries, newest first: status, every attempt with its status code, the next retry.</summary>
public sealed class Endpoint(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/webhooks/{webhook_id}/deliveries");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags("LearnTrac webhooks").ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var subscription = await subscriptions.FindOwnedAsync(User.UserId(), request.WebhookId, ct) ?? throw ApiException.NotFound("Webhook not found");
        var (items, total) = await deliveries.ListAsync(subscription.Id, request.Limit, request.Offset, ct);
        var attempts = (await deliveries.AttemptsAsync(items.Select(d => d.Id).ToList(), ct)).ToLookup(a => a.DeliveryId);
        await Send.OkAsync(new Response(items.Select(d => DeliveryResponse.From(d, attempts[d.Id])).ToList(), total, request.Limit, request.Offset), ct);
    }
}
