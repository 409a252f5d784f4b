using FastEndpoints;
using Pipeline.Domain.Webhooks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Webhooks.Delete;

/// <summary>Removes one of the caller's subscriptions: nothing more is delivered to it (pending retries end failed).</summary>
public sealed class Endpoint(WebhookSubscriptionStore subscriptions) : Endpoint<WebhookRoute>
{
    public override void Configure()
    {
        Delete("/api/learntrac/v1/webhooks/{webhook_id}");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags("LearnTrac webhooks").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(WebhookRoute request, CancellationToken ct)
    {
        if (!await subscriptions.DeleteAsync(User.UserId(), request.WebhookId, ct))
            throw ApiException.NotFound("Webhook not found");
        await Send.NoContentAsync(ct);
    }
}
