using Dapper;
using Npgsql;

namespace Pipeline.Domain.KnowledgeGraph;

/// <summary>The owner of <c>concept_edges</c>: the knowledge graph as recursive CTEs in PostgreSQL.</summary>
public sealed class PostgresKnowledgeGraph(NpgsqlDataSource dataSource) : IKnowledgeGraph
{
    // Graph writes are serialised, so two concurrent edges cannot together close a cycle neither closes alone.
    private const long GraphLockKey = 0x4752_4150_4845_4447; // "GRAPHEDG"

    private const string EdgeColumns = "id, source_id AS SourceId, target_id AS TargetId, relationship, weight, origin, created_at AS CreatedAt";

    public async Task<IReadOnlyDictionary<long, int>> NeighbourhoodAsync(long center, int depth, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Id, int Depth)>(new CommandDefinition("""
            WITH RECURSIVE walk(id, depth) AS (
                SELECT @center::bigint, 0
                UNION
                SELECT n.id, w.depth + 1 FROM walk w
                CROSS JOIN LATERAL (SELECT e.target_id AS id FROM concept_edges e WHERE e.source_id = w.id
                                    UNION ALL
                                    SELECT e.source_id FROM concept_edges e WHERE e.target_id = w.id) n
                WHERE w.depth < @depth)
            SELECT id, min(depth)::int FROM walk GROUP BY id
            """, new { center, depth }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Depth);
    }

    public async Task<IReadOnlyList<ConceptEdge>> EdgesAmongAsync(IReadOnlyCollection<long> conceptIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<EdgeRow>(new CommandDefinition($"""
            SELECT {EdgeColumns} FROM concept_edges WHERE source_id = ANY(@ids) AND target_id = ANY(@ids) ORDER BY id
            """, new { ids = conceptIds.ToArray() }, cancellationToken: ct))).Select(r => r.ToEdge()).ToList();
    }

    public async Task<IReadOnlyList<ConceptEdge>> PrerequisiteClosureAsync(long target, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<EdgeRow>(new CommandDefinition($"""
            WITH RECURSIVE walk AS (
                SELECT e.* FROM concept_edges e WHERE e.target_id = @target AND e.relationship = 'prerequisite_for'
                UNION
                SELECT e.* FROM walk w JOIN concept_edges e ON e.target_id = w.source_id AND e.relationship = 'prerequisite_for')
            SELECT {EdgeColumns} FROM walk ORDER BY id
            """, new { target }, cancellationToken: ct))).Select(r => r.ToEdge()).ToList();
    }

    public async Task<IReadOnlyList<long>> DependantsAsync(long conceptId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT target_id FROM concept_edges WHERE source_id = @conceptId AND relationship = 'prerequisite_for' ORDER BY target_id",
            new { conceptId }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<ConceptEdge>> PrerequisiteEdgesAsync(string? origin, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<EdgeRow>(new CommandDefinition($"""
            SELECT {EdgeColumns} FROM concept_edges WHERE relationship = 'prerequisite_for' AND (@origin::text IS NULL OR origin = @origin)
            ORDER BY id
            """, new { origin }, cancellationToken: ct))).Select(r => r.ToEdge()).ToList();
    }

    public async Task<ConceptEdge?> AddAsync(long source, long target, string relationship, double weight, bool bidirectional, string? notes,
        long createdBy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@GraphLockKey)", new { GraphLockKey }, transaction);
        if (relationship == Relationships.PrerequisiteFor)
        {
            // source -> target closes a cycle when target already (transitively) comes before source; both directions always do.
            if (bidirectional || await ReachesAsync(connection, transaction, target, source, ct)) return null;
        }
        var edge = await InsertAsync(connection, transaction, source, target, relationship, weight, notes, createdBy, ct);
        if (bidirectional) await InsertAsync(connection, transaction, target, source, relationship, weight, notes, createdBy, ct);
        await transaction.CommitAsync(ct);
        return edge;
    }

    private static async Task<ConceptEdge> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long source, long target,
        string relationship, double weight, string? notes, long createdBy, CancellationToken ct) =>
        (await connection.QuerySingleAsync<EdgeRow>(new CommandDefinition($"""
            INSERT INTO concept_edges (source_id, target_id, relationship, weight, origin, notes, created_by)
            VALUES (@source, @target, @relationship, @weight, 'instructor', @notes, @createdBy)
            ON CONFLICT (source_id, target_id, relationship) DO UPDATE SET weight = excluded.weight, notes = excluded.notes,
                origin = 'instructor', created_by = excluded.created_by
            RETURNING {EdgeColumns}
            """, new { source, target, relationship, weight, notes, createdBy }, transaction, cancellationToken: ct))).ToEdge();

    private static Task<bool> ReachesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long from, long to, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH RECURSIVE later(id) AS (
                SELECT @from::bigint
                UNION
                SELECT e.target_id FROM concept_edges e JOIN later l ON e.source_id = l.id WHERE e.relationship = 'prerequisite_for')
            SELECT EXISTS (SELECT 1 FROM later WHERE id = @to)
            """, new { from, to }, transaction, cancellationToken: ct));

    public async Task ReplaceTracPrerequisitesAsync(IReadOnlyCollection<(long Source, long Target)> edges, CancellationToken ct)
    {
        var sources = edges.Select(e => e.Source).ToArray();
        var targets = edges.Select(e => e.Target).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@GraphLockKey)", new { GraphLockKey }, transaction);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM concept_edges e WHERE e.origin = 'trac' AND e.relationship = 'prerequisite_for'
              AND NOT EXISTS (SELECT 1 FROM unnest(@sources, @targets) AS w(s, t) WHERE w.s = e.source_id AND w.t = e.target_id)
            """, new { sources, targets }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO concept_edges (source_id, target_id, relationship, weight, origin)
            SELECT w.s, w.t, 'prerequisite_for', 1.0, 'trac' FROM unnest(@sources, @targets) AS w(s, t)
            WHERE w.s <> w.t AND EXISTS (SELECT 1 FROM concepts WHERE id = w.s) AND EXISTS (SELECT 1 FROM concepts WHERE id = w.t)
            ON CONFLICT (source_id, target_id, relationship) DO NOTHING
            """, new { sources, targets }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    private sealed class EdgeRow
    {
        public long Id { get; init; }
        public long SourceId { get; init; }
        public long TargetId { get; init; }
        public string Relationship { get; init; } = "";
        public double Weight { get; init; }
        public string Origin { get; init; } = "";
        public DateTime CreatedAt { get; init; }

        public ConceptEdge ToEdge() => new(Id, SourceId, TargetId, Relationship, Weight, Origin,
            new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)));
    }
}
