namespace Pipeline.Domain.KnowledgeGraph;

/// <summary>
/// The concept graph (the client named Neo4j, which is not available here): PostgreSQL recursive queries over
/// <c>concept_edges</c> in <see cref="PostgresKnowledgeGraph"/>. Another store (a graph database) would implement this.
/// </summary>
public interface IKnowledgeGraph
{
    /// <summary>Concept ids within <paramref name="depth"/> edges of <paramref name="center"/> (either direction), with their depth.</summary>
    Task<IReadOnlyDictionary<long, int>> NeighbourhoodAsync(long center, int depth, CancellationToken ct);

    /// <summary>Every edge whose two ends are both in <paramref name="conceptIds"/>.</summary>
    Task<IReadOnlyList<ConceptEdge>> EdgesAmongAsync(IReadOnlyCollection<long> conceptIds, CancellationToken ct);

    /// <summary>The prerequisite edges of everything <paramref name="target"/> transitively needs (the target included).</summary>
    Task<IReadOnlyList<ConceptEdge>> PrerequisiteClosureAsync(long target, CancellationToken ct);

    /// <summary>Concepts that list <paramref name="conceptId"/> as a direct prerequisite.</summary>
    Task<IReadOnlyList<long>> DependantsAsync(long conceptId, CancellationToken ct);

    /// <summary>All prerequisite edges (id pairs), for in-memory algorithms.</summary>
    Task<IReadOnlyList<ConceptEdge>> PrerequisiteEdgesAsync(string? origin, CancellationToken ct);

    /// <summary>Adds an edge (both directions when <paramref name="bidirectional"/>); null when a prerequisite edge would close a cycle.</summary>
    Task<ConceptEdge?> AddAsync(long source, long target, string relationship, double weight, bool bidirectional, string? notes, long createdBy,
        CancellationToken ct);

    /// <summary>Makes the Trac-derived prerequisite edges exactly <paramref name="edges"/> (instructor edges are kept).</summary>
    Task ReplaceTracPrerequisitesAsync(IReadOnlyCollection<(long Source, long Target)> edges, CancellationToken ct);
}
