using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.KnowledgeGraph.Relationships;

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
