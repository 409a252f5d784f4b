using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

/// <summary>
/// Seed 003: the knowledge graph around a concept (recursive CTE, both directions, up to <c>depth</c> edges), or the
/// first <see cref="WholeGraphLimit"/> concepts without a center; clusters by component.
/// </summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress, IKnowledgeGraph graph) : Endpoint<Request, Response>
{
    public const int WholeGraphLimit = 500;

    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/knowledge/graph");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        IReadOnlyList<Concept> nodes;
        if (r.CenterConcept is { } center)
        {
            if (!await concepts.ExistsAsync(center, ct)) throw ApiException.NotFound($"Concept {center} not found");
            var reached = await graph.NeighbourhoodAsync(center, r.Depth, ct);
            nodes = await concepts.GetManyAsync(reached.Keys.ToList(), ct);
        }
        else
        {
            nodes = (await concepts.AllAsync(null, ct)).Take(WholeGraphLimit).ToList();
        }
        var statuses = new LearnerStatuses(await progress.ForUserAsync(User.UserId(), ct));
        var edges = await graph.EdgesAmongAsync(nodes.Select(n => n.Id).ToList(), ct);
        double? MasteryOf(long id) => r.IncludeMastery ? Math.Round(statuses.Mastery(id), 3) : null;
        await Send.OkAsync(new Response(
            nodes.Select(c => new Node(ConceptIds.Node(c.Id), c.Title, "concept", MasteryOf(c.Id), statuses.StatusOf(c),
                new NodeProperties(c.Difficulty, c.EstimatedTime, c.Component))).ToList(),
            edges.Select(e => new Edge(ConceptIds.Node(e.SourceId), ConceptIds.Node(e.TargetId), e.Relationship, e.Weight)).ToList(),
            nodes.GroupBy(c => c.Component ?? "general").OrderBy(g => g.Key).Select(g => new Cluster($"{g.Key}-cluster", Label(g.Key),
                g.Select(c => ConceptIds.Node(c.Id)).ToList(),
                r.IncludeMastery ? Math.Round(g.Average(c => statuses.Mastery(c.Id)), 3) : null)).ToList()), ct);
    }

    private static string Label(string component) => component switch
    {
        "http" => "HTTP Foundations",
        "design" => "API Design",
        "data" => "Data and Persistence",
        "security" => "API Security",
        "testing" => "Testing and Quality",
        "operations" => "Performance and Operations",
        _ => char.ToUpperInvariant(component[0]) + component[1..],
    };
}
