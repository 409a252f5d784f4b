using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Tracks;

/// <summary>
/// Seed 001 tracks and their modules over the one courses model: a track is a <c>courses</c> row of kind 'track', its
/// modules are <c>sections</c> rows, module completions are <c>module_completions</c>.
/// </summary>
public sealed class TrackStore(NpgsqlDataSource dataSource)
{
    private const string TrackColumns = """
        id, owner_id AS OwnerId, title, description, skill_area AS SkillArea, difficulty_level AS DifficultyLevel,
        estimated_duration_hours AS EstimatedDurationHours, user_expectations AS UserExpectations, status,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string ModuleSelect = """
        SELECT s.id, s.course_id AS TrackId, c.owner_id AS OwnerId, s.position, s.title, s.description, s.objectives,
               s.estimated_hours AS EstimatedHours, s.lesson::text AS Lesson,
               EXISTS (SELECT 1 FROM module_completions mc WHERE mc.module_id = s.id AND mc.user_id = c.owner_id) AS IsCompleted,
               s.created_at AS CreatedAt
        FROM sections s JOIN courses c ON c.id = s.course_id AND c.kind = 'track'
        """;

    public async Task<Track> CreateAsync(long ownerId, TrackFields fields, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<TrackRow>(new CommandDefinition($"""
            INSERT INTO courses (kind, owner_id, title, description, skill_area, difficulty_level, estimated_duration_hours, user_expectations)
            VALUES ('track', @ownerId, @Title, coalesce(@Description, ''), @SkillArea, @DifficultyLevel, @EstimatedDurationHours, @UserExpectations)
            RETURNING {TrackColumns}
            """, new { ownerId, fields.Title, fields.Description, fields.SkillArea, fields.DifficultyLevel, fields.EstimatedDurationHours,
            fields.UserExpectations }, cancellationToken: cancellationToken));
        return row.ToTrack();
    }

    public async Task<Track?> GetAsync(long trackId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TrackRow>(new CommandDefinition(
            $"SELECT {TrackColumns} FROM courses WHERE id = @trackId AND kind = 'track'", new { trackId }, cancellationToken: cancellationToken));
        return row?.ToTrack();
    }

    public async Task<IReadOnlyList<Track>> ListAsync(long ownerId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TrackRow>(new CommandDefinition($"""
            SELECT {TrackColumns} FROM courses WHERE owner_id = @ownerId AND kind = 'track'
            ORDER BY created_at DESC, id DESC OFFSET @offset LIMIT @limit
            """, new { ownerId, offset, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTrack()).ToList();
    }

    public async Task<Track?> UpdateAsync(long trackId, TrackFields fields, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TrackRow>(new CommandDefinition($"""
            UPDATE courses SET title = coalesce(@Title, title), description = coalesce(@Description, description),
                skill_area = coalesce(@SkillArea, skill_area), difficulty_level = coalesce(@DifficultyLevel, difficulty_level),
                estimated_duration_hours = coalesce(@EstimatedDurationHours, estimated_duration_hours),
                user_expectations = coalesce(@UserExpectations, user_expectations), updated_at = now()
            WHERE id = @trackId AND kind = 'track'
            RETURNING {TrackColumns}
            """, new { trackId, fields.Title, fields.Description, fields.SkillArea, fields.DifficultyLevel, fields.EstimatedDurationHours,
            fields.UserExpectations }, cancellationToken: cancellationToken));
        return row?.ToTrack();
    }

    /// <summary>Deletes the track; its modules, their completions and the track's conversations go with it (foreign keys).</summary>
    public async Task<bool> DeleteAsync(long trackId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM courses WHERE id = @trackId AND kind = 'track'", new { trackId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<TrackModule>> ListModulesAsync(long trackId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModuleRow>(new CommandDefinition(
            $"{ModuleSelect} WHERE s.course_id = @trackId ORDER BY s.position", new { trackId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModule()).ToList();
    }

    public async Task<TrackModule?> GetModuleAsync(long moduleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ModuleRow>(new CommandDefinition(
            $"{ModuleSelect} WHERE s.id = @moduleId", new { moduleId }, cancellationToken: cancellationToken));
        return row?.ToModule();
    }

    /// <summary>
    /// Writes a plan's modules at positions 0..n-1: a module already at a position is updated in place (same id), so
    /// finalising the same plan twice never duplicates modules; modules past the plan's end are removed.
    /// </summary>
    public async Task<IReadOnlyList<TrackModule>> SetModulesAsync(long trackId, IReadOnlyList<PlannedModule> modules, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(modules.Select(m => new
        {
            title = m.Title, description = m.Description, objectives = m.Objectives, estimated_hours = m.EstimatedHours,
        }));
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Two finalisations at once wait for each other instead of racing on positions.
            await connection.ExecuteAsync(new CommandDefinition("SELECT 1 FROM courses WHERE id = @trackId FOR UPDATE",
                new { trackId }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO sections (course_id, position, title, description, objectives, estimated_hours)
                SELECT @trackId, (m.ordinality - 1)::int, m.value->>'title', coalesce(m.value->>'description', ''),
                       ARRAY(SELECT jsonb_array_elements_text(coalesce(m.value->'objectives', '[]'::jsonb))),
                       (m.value->>'estimated_hours')::double precision
                FROM jsonb_array_elements(@json::jsonb) WITH ORDINALITY AS m
                ON CONFLICT (course_id, position) DO UPDATE
                SET title = excluded.title, description = excluded.description, objectives = excluded.objectives,
                    estimated_hours = excluded.estimated_hours
                """, new { trackId, json }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM sections WHERE course_id = @trackId AND position >= @count", new { trackId, count = modules.Count },
                transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("UPDATE courses SET updated_at = now() WHERE id = @trackId",
                new { trackId }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        return await ListModulesAsync(trackId, cancellationToken);
    }

    public async Task SetLessonAsync(long moduleId, JsonNode lesson, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE sections SET lesson = @lesson::jsonb WHERE id = @moduleId",
            new { moduleId, lesson = lesson.ToJsonString() }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks the module done for the user (once); true when it was not done before.</summary>
    public async Task<bool> CompleteModuleAsync(long userId, long moduleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO module_completions (user_id, module_id) VALUES (@userId, @moduleId) ON CONFLICT DO NOTHING",
            new { userId, moduleId }, cancellationToken: cancellationToken)) == 1;
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private sealed record TrackRow(long Id, long OwnerId, string Title, string Description, string? SkillArea, string? DifficultyLevel,
        double? EstimatedDurationHours, string? UserExpectations, string Status, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public Track ToTrack() => new(Id, OwnerId, Title, Description, SkillArea, DifficultyLevel, EstimatedDurationHours, UserExpectations,
            Status, Utc(CreatedAt), Utc(UpdatedAt));
    }

    // A class, not a positional record: Npgsql reports text[] as System.Array, which no constructor parameter matches.
    private sealed class ModuleRow
    {
        public long Id { get; init; }
        public long TrackId { get; init; }
        public long OwnerId { get; init; }
        public int Position { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string[] Objectives { get; init; } = [];
        public double? EstimatedHours { get; init; }
        public string? Lesson { get; init; }
        public bool IsCompleted { get; init; }
        public DateTime CreatedAt { get; init; }

        public TrackModule ToModule() => new(Id, TrackId, OwnerId, Position, Title, Description, Objectives, EstimatedHours,
            Lesson is null ? null : JsonNode.Parse(Lesson), IsCompleted, Utc(CreatedAt));
    }
}
