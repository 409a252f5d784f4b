using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Webhooks.List;

public sealed class Request
{
    [QueryParam] public int Limit { get; init; } = 20;
    [QueryParam] public int Offset { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
        }
    }
}
