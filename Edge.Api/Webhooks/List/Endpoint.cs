using FastEndpoints;
using Pipeline.Domain.Webhooks;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Webhooks.List;

/// <summary>The caller's subscriptions, newest first, in seed 003's list envelope.</summary>
public sealed class Endpoint(WebhookSubscriptionStore subscriptions) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/webhooks");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags("LearnTrac webhooks"));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (items, total) = await subscriptions.ListAsync(User.UserId(), request.Limit, request.Offset, ct);
        await Send.OkAsync(new Response(items.Select(WebhookResponse.From).ToList(), total, request.Limit, request.Offset), ct);
    }
}
