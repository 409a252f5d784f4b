using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Goals.Progress;

public sealed class Request
{
    public long Id { get; init; }
    /// <summary>How much the goal moved (in its unit); negative corrects an earlier entry.</summary>
    public double Value { get; init; }
    public string? Note { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).GreaterThan(0).WithMessage("id must be a positive number.");
            RuleFor(r => r.Value).NotEqual(0).WithMessage("value must not be 0.")
                .InclusiveBetween(-1_000_000, 1_000_000).WithMessage("value must be between -1000000 and 1000000.");
            RuleFor(r => r.Note!).MaximumLength(2000).When(r => r.Note is not null).WithMessage("note must be at most 2000 characters.");
        }
    }
}
