using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Concepts.Complete;

public sealed class Request
{
    public long ConceptId { get; init; }
    public Guid? SessionId { get; init; }
    public string CompletionType { get; init; } = "completed";
    public int TimeSpent { get; init; }
    public List<string>? ExercisesCompleted { get; init; }
    public double? QuizScore { get; init; }
    public string? Feedback { get; init; }

    public static readonly string[] Types = ["completed", "mastered", "abandoned"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CompletionType).Must(t => Types.Contains(t)).WithMessage($"completion_type must be one of {string.Join(", ", Types)}.");
            RuleFor(r => r.TimeSpent).InclusiveBetween(0, 7 * 24 * 3600).WithMessage("time_spent must be between 0 and 604800 seconds.");
            RuleFor(r => r.QuizScore).InclusiveBetween(0, 1).WithMessage("quiz_score must be between 0 and 1.");
            RuleFor(r => r.ExercisesCompleted).Must(e => e is null || e.Count <= 100).WithMessage("exercises_completed has at most 100 ids.");
            RuleFor(r => r.Feedback).MaximumLength(4000).WithMessage("feedback must be at most 4000 characters.");
        }
    }
}
