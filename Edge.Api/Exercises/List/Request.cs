using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Exercises.List;

public sealed class Request
{
    [QueryParam] public long? ConceptId { get; init; }
    [QueryParam] public int? Difficulty { get; init; }
    [QueryParam] public string? Type { get; init; }
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;
    [QueryParam] public int Offset { get; init; }

    public static readonly string[] Types = ["coding", "quiz", "design", "debug"];
    public static readonly string[] Statuses = ["available", "completed", "in_progress"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ConceptId).GreaterThan(0).WithMessage("concept_id must be a positive integer.");
            RuleFor(r => r.Difficulty).InclusiveBetween(1, 5).WithMessage("difficulty must be between 1 and 5.");
            RuleFor(r => r.Type).Must(t => t is null || Types.Contains(t)).WithMessage($"type must be one of {string.Join(", ", Types)}.");
            RuleFor(r => r.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"status must be one of {string.Join(", ", Statuses)}.");
            RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
        }
    }
}
