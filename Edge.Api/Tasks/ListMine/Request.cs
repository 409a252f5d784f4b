using System.ComponentModel;
using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tasks.ListMine;

public sealed class Request
{
    [QueryParam, BindFrom("skip"), DefaultValue(0)] public int Skip { get; init; }
    [QueryParam, BindFrom("limit"), DefaultValue(20)] public int Limit { get; init; } = 20;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Skip).GreaterThanOrEqualTo(0).WithMessage("skip must be 0 or more.");
            RuleFor(r => r.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
        }
    }
}
