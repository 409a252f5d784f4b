using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Domain.Platform;

/// <summary>
/// The owner of <c>resources</c>. A user sees the catalogue (added_by NULL) and their own additions. Full-text search
/// ranks with PostgreSQL's <c>ts_rank_cd</c> over the weighted title/description vector; embeddings are stored as
/// <c>real[]</c> and compared in memory (<see cref="ResourceVectorIndex"/>).
/// </summary>
public sealed class ResourceStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, title, type, url, description, tags, source, added_by AS AddedBy, embedding IS NOT NULL AS Embedded, created_at AS CreatedAt
        """;

    private const string VisibleTo = "(added_by IS NULL OR added_by = @userId) AND (@type::text IS NULL OR type = @type)";

    /// <summary>Adds the resource; the same URL added again by the same user returns the first (created false).</summary>
    public async Task<(Resource Resource, bool Created)> AddAsync(NewResource resource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var created = await connection.QuerySingleOrDefaultAsync<Resource>(new CommandDefinition(
            $"""
            INSERT INTO resources (title, type, url, description, tags, source, added_by)
            VALUES (@Title, @Type, @Url, @Description, @Tags, @Source, @AddedBy)
            ON CONFLICT (coalesce(added_by, 0), url) DO NOTHING
            RETURNING {Columns}
            """, resource, cancellationToken: ct));
        if (created is not null) return (created, true);
        var existing = await connection.QuerySingleAsync<Resource>(new CommandDefinition(
            $"SELECT {Columns} FROM resources WHERE coalesce(added_by, 0) = coalesce(@AddedBy, 0) AND url = @Url", resource, cancellationToken: ct));
        return (existing, false);
    }

    /// <summary>The starter catalogue in one statement; entries already there are left alone. Returns how many were new.</summary>
    public async Task<int> AddCatalogueAsync(IReadOnlyList<NewResource> entries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO resources (title, type, url, description, tags, source)
            SELECT e.title, e.type, e.url, e.description,
                   CASE WHEN e.tags = '' THEN '{}'::text[] ELSE string_to_array(e.tags, '|') END, 'catalogue'
            FROM unnest(@titles, @types, @urls, @descriptions, @tags) AS e(title, type, url, description, tags)
            ON CONFLICT (coalesce(added_by, 0), url) DO NOTHING
            """,
            new
            {
                titles = entries.Select(e => e.Title).ToArray(),
                types = entries.Select(e => e.Type).ToArray(),
                urls = entries.Select(e => e.Url).ToArray(),
                descriptions = entries.Select(e => e.Description).ToArray(),
                tags = entries.Select(e => string.Join('|', e.Tags)).ToArray(),
            }, cancellationToken: ct));
    }

    public async Task<Resource?> FindAsync(long resourceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Resource>(new CommandDefinition(
            $"SELECT {Columns} FROM resources WHERE id = @resourceId", new { resourceId }, cancellationToken: ct));
    }

    /// <summary>The resources among <paramref name="ids"/> the user can see, in no particular order.</summary>
    public async Task<IReadOnlyList<Resource>> FindVisibleAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Resource>(new CommandDefinition(
            $"SELECT {Columns} FROM resources WHERE id = ANY(@ids) AND (added_by IS NULL OR added_by = @userId)",
            new { userId, ids = ids.ToArray() }, cancellationToken: ct))).ToList();
    }

    /// <summary>Without a query: the user's visible resources of a type, newest first.</summary>
    public async Task<(IReadOnlyList<Resource> Items, long Total)> ListAsync(long userId, string? type, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM resources WHERE {VisibleTo}", new { userId, type }, cancellationToken: ct));
        var items = await connection.QueryAsync<Resource>(new CommandDefinition(
            $"SELECT {Columns} FROM resources WHERE {VisibleTo} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset",
            new { userId, type, limit, offset }, cancellationToken: ct));
        return (items.ToList(), total);
    }

    /// <summary>Full-text matches, best first (websearch syntax: words, "phrases", -excluded, or).</summary>
    public async Task<IReadOnlyList<long>> FullTextAsync(long userId, string query, string? type, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            $"""
            SELECT id FROM resources, websearch_to_tsquery('english', @query) q
            WHERE search @@ q AND {VisibleTo}
            ORDER BY ts_rank_cd(search, q) DESC, id
            LIMIT @limit
            """, new { userId, query, type, limit }, cancellationToken: ct))).ToList();
    }

    /// <summary>Resources without an embedding of <paramref name="model"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Resource>> NotEmbeddedAsync(string model, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Resource>(new CommandDefinition(
            $"SELECT {Columns} FROM resources WHERE embedding IS NULL OR embedding_model IS DISTINCT FROM @model ORDER BY id LIMIT @limit",
            new { model, limit }, cancellationToken: ct))).ToList();
    }

    public async Task SaveEmbeddingAsync(long resourceId, float[] vector, string model, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE resources SET embedding = $2, embedding_model = $3, embedded_at = clock_timestamp() WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = resourceId });
        command.Parameters.Add(new NpgsqlParameter { Value = vector, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        command.Parameters.Add(new NpgsqlParameter { Value = model });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Vectors written after <paramref name="since"/> (all when null), for the in-memory index to catch up.</summary>
    public async Task<(IReadOnlyList<ResourceVector> Vectors, DateTime? Latest)> VectorsSinceAsync(DateTime? since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, added_by, type, embedding_model, embedding, embedded_at FROM resources
            WHERE embedded_at IS NOT NULL AND ($1::timestamptz IS NULL OR embedded_at > $1)
            ORDER BY embedded_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)since ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var vectors = new List<ResourceVector>();
        DateTime? latest = since;
        while (await reader.ReadAsync(ct))
        {
            vectors.Add(new ResourceVector(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<float[]>(4)));
            latest = reader.GetDateTime(5);
        }
        return (vectors, latest);
    }
}
