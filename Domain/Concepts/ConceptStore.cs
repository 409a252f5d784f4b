using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Domain.Database;

namespace Pipeline.Domain.Concepts;

/// <summary>
/// The owner of <c>concepts</c> and <c>exercises</c>: written by the Trac importer, read by the concept, exercise,
/// progress, graph and adaptive routes. Prerequisite ids come from <c>concept_edges</c> (owned by the knowledge graph).
/// </summary>
public sealed class ConceptStore(NpgsqlDataSource dataSource)
{
    internal static readonly JsonSerializerOptions Json = StoredJson.Options;

    private const string Columns = """
        c.id, c.title, c.description, c.type, c.component, c.milestone, c.owner, c.tags, c.difficulty, c.mastery_threshold AS MasteryThreshold,
        c.estimated_minutes AS EstimatedMinutes, c.estimated_time AS EstimatedTime, c.objectives::text AS Objectives,
        c.resources::text AS Resources, c.custom_fields::text AS CustomFields, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt,
        coalesce((SELECT array_agg(e.source_id ORDER BY e.source_id) FROM concept_edges e
                  WHERE e.target_id = c.id AND e.relationship = 'prerequisite_for'), '{}') AS Prerequisites
        """;

    /// <summary>Writes the concept and its exercises (exercises the ticket no longer declares are retired, not deleted).</summary>
    public async Task UpsertAsync(ConceptImport import, CancellationToken ct)
    {
        var c = import.Concept;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO concepts (id, title, description, type, component, milestone, owner, tags, difficulty, mastery_threshold,
                                  estimated_minutes, estimated_time, objectives, resources, custom_fields, trac_changetime, created_at, updated_at)
            VALUES (@Id, @Title, @Description, @Type, @Component, @Milestone, @Owner, @Tags, @Difficulty, @MasteryThreshold,
                    @EstimatedMinutes, @EstimatedTime, @Objectives::jsonb, @Resources::jsonb, @CustomFields::jsonb, @ChangeTime, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, type = excluded.type,
                component = excluded.component, milestone = excluded.milestone, owner = excluded.owner, tags = excluded.tags,
                difficulty = excluded.difficulty, mastery_threshold = excluded.mastery_threshold,
                estimated_minutes = excluded.estimated_minutes, estimated_time = excluded.estimated_time,
                objectives = excluded.objectives, resources = excluded.resources, custom_fields = excluded.custom_fields,
                trac_changetime = excluded.trac_changetime, updated_at = excluded.updated_at
            """, new
        {
            c.Id, c.Title, c.Description, c.Type, c.Component, c.Milestone, c.Owner, Tags = c.Tags.ToArray(), c.Difficulty,
            c.MasteryThreshold, c.EstimatedMinutes, c.EstimatedTime,
            Objectives = JsonSerializer.Serialize(c.Objectives, Json), Resources = JsonSerializer.Serialize(c.Resources, Json),
            CustomFields = JsonSerializer.Serialize(c.CustomFields, Json), import.ChangeTime, c.CreatedAt, c.UpdatedAt,
        }, transaction, cancellationToken: ct));
        foreach (var e in import.Exercises)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO exercises (concept_id, key, title, type, difficulty, points, estimated_time, time_limit, instructions,
                                       requirements, starter_code, questions, retired)
                VALUES (@conceptId, @Key, @Title, @Type, @Difficulty, @Points, @EstimatedTime, @TimeLimit, @Instructions,
                        @Requirements::jsonb, @StarterCode, @Questions::jsonb, false)
                ON CONFLICT (concept_id, key) DO UPDATE SET title = excluded.title, type = excluded.type,
                    difficulty = excluded.difficulty, points = excluded.points, estimated_time = excluded.estimated_time,
                    time_limit = excluded.time_limit, instructions = excluded.instructions, requirements = excluded.requirements,
                    starter_code = excluded.starter_code, questions = excluded.questions, retired = false
                """, new
            {
                conceptId = c.Id, e.Key, e.Title, e.Type, e.Difficulty, e.Points, e.EstimatedTime, e.TimeLimit, e.Instructions,
                Requirements = JsonSerializer.Serialize(e.Requirements, Json), e.StarterCode,
                Questions = JsonSerializer.Serialize(e.Questions, Json),
            }, transaction, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE exercises SET retired = true WHERE concept_id = @Id AND NOT (key = ANY(@keys))",
            new { c.Id, keys = import.Exercises.Select(e => e.Key).ToArray() }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>Removes concepts whose ticket is gone.</summary>
    public async Task<int> DeleteExceptAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM concepts WHERE NOT (id = ANY(@ids))",
            new { ids = ticketIds.ToArray() }, cancellationToken: ct));
    }

    public async Task<long> LastChangeTimeAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(trac_changetime), 0) FROM concepts", cancellationToken: ct));
    }

    public async Task<(IReadOnlyList<Concept> Items, int Total)> ListAsync(ConceptFilter f, long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        const string where = """
            WHERE (@Type::text IS NULL OR c.type = @Type)
              AND (@Difficulty::int IS NULL OR (c.difficulty >= @Difficulty AND (c.difficulty < @Difficulty + 1 OR @Difficulty = 5)))
              AND (@Component::text IS NULL OR c.component = @Component)
              AND (@Milestone::text IS NULL OR c.milestone = @Milestone)
              AND (@Owner::text IS NULL OR c.owner = @Owner)
              AND (@Status::text IS NULL OR coalesce((SELECT p.status FROM concept_progress p WHERE p.user_id = @userId AND p.concept_id = c.id), 'new') = @Status)
            """;
        var args = new { f.Type, f.Difficulty, f.Component, f.Milestone, f.Owner, f.Status, userId, f.Limit, f.Offset };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM concepts c {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM concepts c {where} ORDER BY c.id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return (rows.Select(r => r.ToConcept()).ToList(), total);
    }

    public async Task<Concept?> GetAsync(long id, CancellationToken ct) => (await GetManyAsync([id], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<Concept>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM concepts c WHERE c.id = ANY(@ids) ORDER BY c.id", new { ids = ids.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToConcept()).ToList();
    }

    public async Task<IReadOnlyList<Concept>> AllAsync(string? milestone, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM concepts c WHERE (@milestone::text IS NULL OR c.milestone = @milestone) ORDER BY c.id",
            new { milestone }, cancellationToken: ct));
        return rows.Select(r => r.ToConcept()).ToList();
    }

    public async Task<bool> ExistsAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM concepts WHERE id = @id)", new { id }, cancellationToken: ct));
    }

    // ---- exercises ----

    public async Task<IReadOnlyList<Exercise>> ExercisesAsync(long? conceptId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ExerciseRow>(new CommandDefinition($"""
            SELECT {ExerciseColumns} FROM exercises e JOIN concepts c ON c.id = e.concept_id
            WHERE NOT e.retired AND (@conceptId::bigint IS NULL OR e.concept_id = @conceptId) ORDER BY e.concept_id, e.id
            """, new { conceptId }, cancellationToken: ct));
        return rows.Select(r => r.ToExercise()).ToList();
    }

    public async Task<Exercise?> ExerciseAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ExerciseRow>(new CommandDefinition($"""
            SELECT {ExerciseColumns} FROM exercises e JOIN concepts c ON c.id = e.concept_id WHERE NOT e.retired AND e.id = @id
            """, new { id }, cancellationToken: ct));
        return row?.ToExercise();
    }

    private const string ExerciseColumns = """
        e.id, e.concept_id AS ConceptId, c.title AS ConceptTitle, e.key, e.title, e.type, e.difficulty, e.points,
        e.estimated_time AS EstimatedTime, e.time_limit AS TimeLimit, e.instructions, e.requirements::text AS Requirements,
        e.starter_code AS StarterCode, e.questions::text AS Questions
        """;

    private sealed class Row
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string Type { get; init; } = "";
        public string? Component { get; init; }
        public string? Milestone { get; init; }
        public string? Owner { get; init; }
        public string[] Tags { get; init; } = [];
        public double Difficulty { get; init; }
        public double MasteryThreshold { get; init; }
        public int EstimatedMinutes { get; init; }
        public string EstimatedTime { get; init; } = "";
        public string Objectives { get; init; } = "[]";
        public string Resources { get; init; } = "[]";
        public string CustomFields { get; init; } = "{}";
        public long[] Prerequisites { get; init; } = [];
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public Concept ToConcept() => new(Id, Title, Description, Type, Component, Milestone, Owner, Tags, Difficulty, MasteryThreshold,
            EstimatedMinutes, EstimatedTime, JsonSerializer.Deserialize<List<string>>(Objectives, Json) ?? [],
            JsonSerializer.Deserialize<List<ConceptResource>>(Resources, Json) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, string>>(CustomFields, Json) ?? [], Prerequisites,
            Utc(CreatedAt), Utc(UpdatedAt));
    }

    private sealed class ExerciseRow
    {
        public long Id { get; init; }
        public long ConceptId { get; init; }
        public string ConceptTitle { get; init; } = "";
        public string Key { get; init; } = "";
        public string Title { get; init; } = "";
        public string Type { get; init; } = "";
        public int Difficulty { get; init; }
        public int Points { get; init; }
        public int EstimatedTime { get; init; }
        public int TimeLimit { get; init; }
        public string Instructions { get; init; } = "";
        public string Requirements { get; init; } = "[]";
        public string StarterCode { get; init; } = "";
        public string Questions { get; init; } = "[]";

        public Exercise ToExercise() => new(Id, ConceptId, ConceptTitle, new ExerciseDefinition(Key, Title, Type, Difficulty, Points,
            EstimatedTime, TimeLimit, Instructions, JsonSerializer.Deserialize<List<string>>(Requirements, Json) ?? [], StarterCode,
            JsonSerializer.Deserialize<List<QuizQuestion>>(Questions, Json) ?? []));
    }

    internal static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
