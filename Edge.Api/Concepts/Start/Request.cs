using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Concepts.Start;

public sealed class Request
{
    public long ConceptId { get; init; }
    public string LearningMode { get; init; } = "guided";
    public int? TimeCommitment { get; init; }
    public List<string>? PreferredResources { get; init; }

    public static readonly string[] Modes = ["guided", "self-paced", "challenge"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.LearningMode).Must(m => Modes.Contains(m)).WithMessage($"learning_mode must be one of {string.Join(", ", Modes)}.");
            RuleFor(r => r.TimeCommitment).InclusiveBetween(1, 24 * 60).WithMessage("time_commitment must be between 1 and 1440 minutes.");
            RuleFor(r => r.PreferredResources).Must(p => p is null || p.Count <= 10 && p.All(x => x.Length is > 0 and <= 50))
                .WithMessage("preferred_resources must be at most 10 short names.");
        }
    }
}
