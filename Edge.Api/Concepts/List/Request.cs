using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;

namespace Pipeline.Edge.Api.Concepts.List;

public sealed class Request
{
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public string? Type { get; init; }
    [QueryParam] public int? Difficulty { get; init; }
    [QueryParam] public string? Component { get; init; }
    [QueryParam] public string? Milestone { get; init; }
    [QueryParam] public string? Owner { get; init; }
    [QueryParam] public int Limit { get; init; } = 20;
    [QueryParam] public int Offset { get; init; }

    public static readonly string[] Types = ["task", "bug", "feature", "enhancement", "defect"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is null || ConceptStatus.All.Contains(s))
                .WithMessage($"status must be one of {string.Join(", ", ConceptStatus.All)}.");
            RuleFor(r => r.Type).Must(t => t is null || Types.Contains(t)).WithMessage($"type must be one of {string.Join(", ", Types)}.");
            RuleFor(r => r.Difficulty).InclusiveBetween(1, 5).WithMessage("difficulty must be between 1 and 5.");
            RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
            RuleFor(r => r.Component).MaximumLength(200);
            RuleFor(r => r.Milestone).MaximumLength(200);
            RuleFor(r => r.Owner).MaximumLength(200);
        }
    }
}
