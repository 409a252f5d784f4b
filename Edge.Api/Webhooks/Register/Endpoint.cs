using FastEndpoints;
using Pipeline.Domain.Webhooks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Webhooks.Register;

/// <summary>Seed 003 <c>POST /webhooks</c> (instructor): a target that is not a public address is refused here (400).</summary>
public sealed class Endpoint(WebhookSubscriptionStore subscriptions, WebhookTargetPolicy targets) : Endpoint<Request, WebhookResponse>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/webhooks");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags("LearnTrac webhooks").Produces<WebhookResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        if (await targets.RefusalAsync(request.Url, ct) is { } refusal)
            throw ApiException.BadRequest(refusal, new[] { new { field = "url", message = refusal } });
        var created = await subscriptions.CreateAsync(User.UserId(), request.Url, request.Events, request.Secret, request.Active, ct);
        await Send.ResponseAsync(WebhookResponse.From(created), StatusCodes.Status201Created, ct);
    }
}
