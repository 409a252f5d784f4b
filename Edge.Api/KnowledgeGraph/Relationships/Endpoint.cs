using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

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

public sealed record Response(string RelationshipId, long Source, long Target, string Type, DateTimeOffset CreatedAt);

/// <summary>Seed 003: an instructor adds a relationship; a prerequisite edge that would close a cycle is a 409.</summary>
public sealed class Endpoint(ConceptStore concepts, IKnowledgeGraph graph) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post(LearnTracRoutes.Prefix + "/knowledge/relationships");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags(LearnTracRoutes.Tag).Produces<Response>(201).ProducesProblem(400).ProducesProblem(401)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        foreach (var id in new[] { r.SourceConcept, r.TargetConcept })
            if (!await concepts.ExistsAsync(id, ct)) throw ApiException.NotFound($"Concept {id} not found");
        var edge = await graph.AddAsync(r.SourceConcept, r.TargetConcept, r.RelationshipType, r.Weight, r.Bidirectional, r.Notes,
                       User.UserId(), ct)
                   ?? throw ApiException.Conflict(r.Bidirectional && r.RelationshipType == Pipeline.Domain.KnowledgeGraph.Relationships.PrerequisiteFor
                       ? "A bidirectional prerequisite_for relationship is a cycle."
                       : $"Concept {r.TargetConcept} already leads to {r.SourceConcept}: this prerequisite would create a cycle.");
        await Send.ResponseAsync(new Response($"rel-{edge.Id}", edge.SourceId, edge.TargetId, edge.Relationship, edge.CreatedAt), 201, ct);
    }
}
