using Dapper;
using Npgsql;

namespace Pipeline.Domain.Concepts;

/// <summary>The owner of <c>exercise_sessions</c>.</summary>
public sealed class ExerciseSessionStore(NpgsqlDataSource dataSource)
{
    public async Task<ExerciseSession> StartAsync(long userId, long exerciseId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var id = Guid.NewGuid();
        var startedAt = await connection.QuerySingleAsync<DateTime>(new CommandDefinition(
            "INSERT INTO exercise_sessions (id, user_id, exercise_id) VALUES (@id, @userId, @exerciseId) RETURNING started_at",
            new { id, userId, exerciseId }, cancellationToken: ct));
        return new ExerciseSession(id, userId, exerciseId, ConceptStore.Utc(startedAt), null, null, null);
    }

    public async Task<ExerciseSession?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToSession();
    }

    /// <summary>Records the grade once; false when the session was already submitted (a second submit is a 409).</summary>
    public async Task<bool> SubmitAsync(Guid id, double score, bool passed, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE exercise_sessions SET submitted_at = now(), score = @score, passed = @passed WHERE id = @id AND submitted_at IS NULL",
            new { id, score, passed }, cancellationToken: ct)) == 1;
    }

    /// <summary>Per exercise: the learner's best submitted result, or started but not submitted.</summary>
    public async Task<IReadOnlyDictionary<long, (bool Submitted, bool Passed)>> StateForUserAsync(long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long, bool, bool)>(new CommandDefinition("""
            SELECT exercise_id, bool_or(submitted_at IS NOT NULL), coalesce(bool_or(passed), false)
            FROM exercise_sessions WHERE user_id = @userId GROUP BY exercise_id
            """, new { userId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Item1, r => (r.Item2, r.Item3));
    }

    /// <summary>Per exercise: the share of learners who passed it, among those who submitted.</summary>
    public async Task<IReadOnlyDictionary<long, double>> CompletionRatesAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long, double)>(new CommandDefinition("""
            SELECT exercise_id, avg(CASE WHEN passed THEN 1.0 ELSE 0.0 END)::float8 FROM exercise_sessions
            WHERE submitted_at IS NOT NULL GROUP BY exercise_id
            """, cancellationToken: ct));
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    private const string Select = """
        SELECT id, user_id AS UserId, exercise_id AS ExerciseId, started_at AS StartedAt, submitted_at AS SubmittedAt, score, passed
        FROM exercise_sessions
        """;

    private sealed class Row
    {
        public Guid Id { get; init; }
        public long UserId { get; init; }
        public long ExerciseId { get; init; }
        public DateTime StartedAt { get; init; }
        public DateTime? SubmittedAt { get; init; }
        public double? Score { get; init; }
        public bool? Passed { get; init; }

        public ExerciseSession ToSession() => new(Id, UserId, ExerciseId, ConceptStore.Utc(StartedAt),
            SubmittedAt is { } s ? ConceptStore.Utc(s) : null, Score, Passed);
    }
}
