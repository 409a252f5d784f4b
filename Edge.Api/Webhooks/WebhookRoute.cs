using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Webhooks;

/// <summary>The <c>{webhook_id}</c> of a subscription's routes.</summary>
public class WebhookRoute
{
    [BindFrom("webhook_id")] public string WebhookId { get; init; } = "";

    public sealed class Validator : Validator<WebhookRoute>
    {
        public Validator() => RuleFor(r => r.WebhookId).NotEmpty().MaximumLength(100);
    }
}
