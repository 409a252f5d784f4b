using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

public sealed class Request
{
    [QueryParam] public long? From { get; init; }
    [QueryParam] public long? To { get; init; }
    [QueryParam] public string OptimizeFor { get; init; } = "prerequisites";

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.To).NotNull().WithMessage("to is required: the target concept id.").GreaterThan(0).WithMessage("to must be a positive integer.");
            RuleFor(r => r.From).GreaterThan(0).WithMessage("from must be a positive integer.");
            RuleFor(r => r.OptimizeFor).Must(o => PathPlanner.Optimisations.Contains(o))
                .WithMessage($"optimize_for must be one of {string.Join(", ", PathPlanner.Optimisations)}.");
        }
    }
}
