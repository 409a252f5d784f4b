using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.KnowledgeGraph.Relationships;

public sealed class Request
{
    public long SourceConcept { get; init; }
    public long TargetConcept { get; init; }
    public string RelationshipType { get; init; } = "";
    public double Weight { get; init; } = 1.0;
    public bool Bidirectional { get; init; }
    public string? Notes { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.SourceConcept).GreaterThan(0).WithMessage("source_concept must be a positive integer.");
            RuleFor(r => r.TargetConcept).GreaterThan(0).WithMessage("target_concept must be a positive integer.");
            RuleFor(r => r.TargetConcept).NotEqual(r => r.SourceConcept).WithMessage("target_concept must differ from source_concept.");
            RuleFor(r => r.RelationshipType).Must(t => Pipeline.Domain.KnowledgeGraph.Relationships.All.Contains(t))
                .WithMessage($"relationship_type must be one of {string.Join(", ", Pipeline.Domain.KnowledgeGraph.Relationships.All)}.");
            RuleFor(r => r.Weight).InclusiveBetween(0, 1).WithMessage("weight must be between 0 and 1.");
            RuleFor(r => r.Notes).MaximumLength(2000).WithMessage("notes must be at most 2000 characters.");
        }
    }
}
