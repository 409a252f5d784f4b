using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Analytics.Learners;

public sealed class Request
{
    [QueryParam] public int Limit { get; init; } = 20;
    [QueryParam] public int Offset { get; init; }
    /// <summary>Part of a learner's name or email (case-insensitive).</summary>
    [QueryParam] public string? Q { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
            RuleFor(r => r.Q).MaximumLength(200).WithMessage("q must be at most 200 characters.");
        }
    }
}
