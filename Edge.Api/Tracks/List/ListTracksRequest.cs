using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tracks;

public sealed class ListTracksRequest
{
    [QueryParam] public int Skip { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;

    public sealed class Validator : Validator<ListTracksRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Skip).GreaterThanOrEqualTo(0).WithMessage("skip must be 0 or more.");
            RuleFor(r => r.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
        }
    }
}
