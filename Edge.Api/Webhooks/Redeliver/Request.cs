using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Webhooks.Redeliver;

public sealed class Request : WebhookRoute
{
    [BindFrom("delivery_id")] public string DeliveryId { get; init; } = "";

    public new sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.WebhookId).NotEmpty().MaximumLength(100);
            RuleFor(r => r.DeliveryId).NotEmpty().MaximumLength(100);
        }
    }
}
