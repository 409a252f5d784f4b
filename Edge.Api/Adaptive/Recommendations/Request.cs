using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Adaptive.Recommendations;

public sealed class Request
{
    [QueryParam] public int Count { get; init; } = 5;
    [QueryParam] public int? Timeframe { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Count).InclusiveBetween(1, 20).WithMessage("count must be between 1 and 20.");
            RuleFor(r => r.Timeframe).InclusiveBetween(5, 7 * 24 * 60).WithMessage("timeframe must be between 5 and 10080 minutes.");
        }
    }
}
