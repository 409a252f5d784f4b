using Dapper;
using Npgsql;

namespace Pipeline.Domain.Concepts;

/// <summary>The owner of <c>concept_progress</c> and <c>concept_sessions</c>: per-learner status, BKT mastery and sessions.</summary>
public sealed class ConceptProgressStore(NpgsqlDataSource dataSource)
{
    private readonly KnowledgeTracing _tracing = KnowledgeTracing.Default;

    public async Task<IReadOnlyDictionary<long, ConceptProgress>> ForUserAsync(long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"{Select} WHERE user_id = @userId", new { userId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.ConceptId, r => r.ToProgress());
    }

    /// <summary>Opens a session; null when one is already active for this learner and concept (a 409).</summary>
    public async Task<(Guid SessionId, DateTimeOffset StartedAt)?> StartAsync(long userId, long conceptId, string mode, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = Guid.NewGuid();
        var startedAt = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition("""
            INSERT INTO concept_sessions (id, user_id, concept_id, learning_mode) VALUES (@id, @userId, @conceptId, @mode)
            ON CONFLICT (user_id, concept_id) WHERE status = 'active' DO NOTHING
            RETURNING started_at
            """, new { id, userId, conceptId, mode }, transaction, cancellationToken: ct));
        if (startedAt is null) return null;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO concept_progress (user_id, concept_id, status, started_at) VALUES (@userId, @conceptId, 'learning', now())
            ON CONFLICT (user_id, concept_id) DO UPDATE SET
                status = CASE WHEN concept_progress.status IN ('new', 'completed') THEN 'learning' ELSE concept_progress.status END,
                started_at = coalesce(concept_progress.started_at, now()), updated_at = now()
            """, new { userId, conceptId }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return (id, ConceptStore.Utc(startedAt.Value));
    }

    /// <summary>Folds one scored observation (exercise or quiz, 0..1) into the learner's BKT mastery; returns the new mastery.</summary>
    public async Task<double> ObserveAsync(long userId, long conceptId, double score, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var mastery = await ObserveAsync(connection, transaction, userId, conceptId, score, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE concept_progress SET status = 'practicing' WHERE user_id = @userId AND concept_id = @conceptId AND status IN ('new', 'learning')
            """, new { userId, conceptId }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return mastery;
    }

    private async Task<double> ObserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long userId, long conceptId, double score,
        CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO concept_progress (user_id, concept_id) VALUES (@userId, @conceptId) ON CONFLICT DO NOTHING",
            new { userId, conceptId }, transaction, cancellationToken: ct));
        var (mastery, observations) = await connection.QuerySingleAsync<(double, int)>(new CommandDefinition(
            "SELECT mastery, observations FROM concept_progress WHERE user_id = @userId AND concept_id = @conceptId FOR UPDATE",
            new { userId, conceptId }, transaction, cancellationToken: ct));
        var next = _tracing.Update(observations == 0 ? _tracing.PriorLearned : mastery, score);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE concept_progress SET mastery = @next, observations = observations + 1, updated_at = now()
            WHERE user_id = @userId AND concept_id = @conceptId
            """, new { userId, conceptId, next }, transaction, cancellationToken: ct));
        return next;
    }

    /// <summary>The learner's active session on the concept, if any.</summary>
    public async Task<ActiveConceptSession?> ActiveSessionAsync(long userId, long conceptId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, DateTime StartedAt, string LearningMode)?>(new CommandDefinition(
            "SELECT id, started_at, learning_mode FROM concept_sessions WHERE user_id = @userId AND concept_id = @conceptId AND status = 'active'",
            new { userId, conceptId }, cancellationToken: ct));
        return row is { } r ? new ActiveConceptSession(r.Id, ConceptStore.Utc(r.StartedAt), r.LearningMode) : null;
    }

    /// <summary>
    /// Closes the active session <paramref name="sessionId"/>: a quiz score is one more BKT observation; the concept is
    /// mastered when mastery reaches its threshold, otherwise completed (or back to new when abandoned).
    /// Null when the session is not this learner's active session on this concept.
    /// </summary>
    public async Task<ConceptCompletion?> CompleteAsync(long userId, long conceptId, Guid sessionId, string completionType, double? quizScore,
        int timeSpent, double masteryThreshold, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var open = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM concept_sessions WHERE id = @sessionId AND user_id = @userId AND concept_id = @conceptId
                           AND status = 'active' FOR UPDATE)
            """, new { sessionId, userId, conceptId }, transaction, cancellationToken: ct));
        if (!open) return null;
        var mastery = quizScore is { } score
            ? await ObserveAsync(connection, transaction, userId, conceptId, score, ct)
            : await connection.ExecuteScalarAsync<double>(new CommandDefinition(
                "SELECT CASE WHEN observations = 0 THEN 0 ELSE mastery END FROM concept_progress WHERE user_id = @userId AND concept_id = @conceptId",
                new { userId, conceptId }, transaction, cancellationToken: ct));
        var status = completionType == "abandoned" ? "abandoned" : mastery >= masteryThreshold ? ConceptStatus.Mastered : ConceptStatus.Completed;
        var progressStatus = status == "abandoned" ? ConceptStatus.New : status;
        var completedAt = await connection.QuerySingleAsync<DateTime>(new CommandDefinition("""
            UPDATE concept_sessions SET status = @status, ended_at = now() WHERE id = @sessionId RETURNING ended_at
            """, new { sessionId, status }, transaction, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            UPDATE concept_progress SET status = CASE WHEN status = 'mastered' AND @progressStatus <> 'mastered' THEN status ELSE @progressStatus END,
                time_spent = time_spent + @timeSpent, updated_at = now(),
                completed_at = CASE WHEN @progressStatus IN ('completed', 'mastered') THEN now() ELSE completed_at END
            WHERE user_id = @userId AND concept_id = @conceptId RETURNING time_spent
            """, new { userId, conceptId, progressStatus, timeSpent }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return new ConceptCompletion(sessionId, status, mastery, total, ConceptStore.Utc(completedAt));
    }

    /// <summary>The learner's mastered session on the concept whose id starts with <paramref name="idPrefix"/> (a certificate).</summary>
    public async Task<(Guid Id, DateTimeOffset EndedAt)?> MasteredSessionAsync(long userId, long conceptId, string idPrefix, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<(Guid, DateTime)?>(new CommandDefinition("""
            SELECT id, ended_at FROM concept_sessions
            WHERE user_id = @userId AND concept_id = @conceptId AND status = 'mastered' AND replace(id::text, '-', '') LIKE @pattern
            ORDER BY ended_at DESC LIMIT 1
            """, new { userId, conceptId, pattern = idPrefix + "%" }, cancellationToken: ct));
        return row is { } r ? (r.Item1, ConceptStore.Utc(r.Item2)) : null;
    }

    private const string Select = """
        SELECT concept_id AS ConceptId, status, mastery, observations, time_spent AS TimeSpent, started_at AS StartedAt,
               completed_at AS CompletedAt FROM concept_progress
        """;

    private sealed class Row
    {
        public long ConceptId { get; init; }
        public string Status { get; init; } = ConceptStatus.New;
        public double Mastery { get; init; }
        public int Observations { get; init; }
        public int TimeSpent { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? CompletedAt { get; init; }

        public ConceptProgress ToProgress() => new(ConceptId, Status, Observations == 0 ? 0 : Mastery, Observations, TimeSpent,
            StartedAt is { } s ? ConceptStore.Utc(s) : null, CompletedAt is { } c ? ConceptStore.Utc(c) : null);
    }
}
