using Dapper;
using Npgsql;

namespace Pipeline.Handlers.Webhooks;

/// <summary>The owner of <c>struggle_failures</c> and <c>struggle_reports</c>: failed submissions per learner and concept.</summary>
public sealed class StruggleStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records a failed submission; answers the failures on that concept within <paramref name="window"/> when they reach
    /// <paramref name="threshold"/> and the learner was not reported for it within the window (then marks them reported), else null.
    /// </summary>
    public async Task<int?> RecordFailureAsync(long userId, long conceptId, long exerciseId, DateTimeOffset submittedAt, double score, int threshold,
        TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One learner and concept at a time, so two failures arriving together report once.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended('struggle:' || @userId || ':' || @conceptId, 0))",
            new { userId, conceptId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO struggle_failures (user_id, concept_id, exercise_id, submitted_at, score) VALUES (@userId, @conceptId, @exerciseId, @submittedAt, @score)
            ON CONFLICT DO NOTHING
            """, new { userId, conceptId, exerciseId, submittedAt, score }, transaction, cancellationToken: cancellationToken));
        var since = submittedAt - window;
        // The most failures in one window that holds this one: windows start at a failure up to a window before it. Not
        // just the failures before this one: the bus may hand the failures over out of order (each sees the others
        // already recorded under the lock), and the last of a cluster to arrive must see the whole cluster.
        var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT coalesce(max((SELECT count(*) FROM struggle_failures g
                                 WHERE g.user_id = f.user_id AND g.concept_id = f.concept_id
                                   AND g.submitted_at >= f.submitted_at AND g.submitted_at < f.submitted_at + @window)), 0)::int
            FROM struggle_failures f
            WHERE f.user_id = @userId AND f.concept_id = @conceptId AND f.submitted_at > @since AND f.submitted_at <= @submittedAt
            """, new { userId, conceptId, since, submittedAt, window }, transaction, cancellationToken: cancellationToken));
        int? report = null;
        if (failures >= threshold)
        {
            var reported = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO struggle_reports AS r (user_id, concept_id, reported_at) VALUES (@userId, @conceptId, @submittedAt)
                ON CONFLICT (user_id, concept_id) DO UPDATE SET reported_at = EXCLUDED.reported_at WHERE r.reported_at <= @since
                """, new { userId, conceptId, submittedAt, since }, transaction, cancellationToken: cancellationToken));
            if (reported == 1) report = failures;
        }
        await transaction.CommitAsync(cancellationToken);
        return report;
    }
}
