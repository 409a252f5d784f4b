using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

public sealed class Request
{
    [QueryParam] public long? CenterConcept { get; init; }
    [QueryParam] public int Depth { get; init; } = 2;
    [QueryParam] public bool IncludeMastery { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Depth).InclusiveBetween(1, 5).WithMessage("depth must be between 1 and 5.");
            RuleFor(r => r.CenterConcept).GreaterThan(0).WithMessage("center_concept must be a positive integer.");
        }
    }
}
