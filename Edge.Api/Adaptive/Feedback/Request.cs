using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Adaptive.Feedback;

public sealed class Request
{
    public long ConceptId { get; init; }
    public int DifficultyRating { get; init; }
    public int? ClarityRating { get; init; }
    public string PaceFeedback { get; init; } = "just_right";
    public List<string>? PreferredResources { get; init; }
    public bool TimeSufficient { get; init; } = true;
    public string? AdditionalComments { get; init; }

    public static readonly string[] Paces = ["too_slow", "just_right", "too_fast"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ConceptId).GreaterThan(0).WithMessage("concept_id must be a positive integer.");
            RuleFor(r => r.DifficultyRating).InclusiveBetween(1, 5).WithMessage("difficulty_rating must be between 1 and 5.");
            RuleFor(r => r.ClarityRating).InclusiveBetween(1, 5).WithMessage("clarity_rating must be between 1 and 5.");
            RuleFor(r => r.PaceFeedback).Must(p => Paces.Contains(p)).WithMessage($"pace_feedback must be one of {string.Join(", ", Paces)}.");
            RuleFor(r => r.PreferredResources).Must(p => p is null || p.Count <= 10 && p.All(x => x.Length is > 0 and <= 30))
                .WithMessage("preferred_resources must be at most 10 short names.");
            RuleFor(r => r.AdditionalComments).MaximumLength(2000).WithMessage("additional_comments must be at most 2000 characters.");
        }
    }
}
