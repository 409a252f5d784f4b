using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Webhooks.Deliveries;

public sealed class Request : WebhookRoute
{
    [QueryParam] public int Limit { get; init; } = 20;
    [QueryParam] public int Offset { get; init; }

    public new sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.WebhookId).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
        }
    }
}
