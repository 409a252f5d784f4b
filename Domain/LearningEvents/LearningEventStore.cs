using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Domain.LearningEvents;

/// <summary>
/// The owner of <c>learning_events</c>: every progress action appends here (concept start/complete, exercise submit,
/// module complete, goal progress, card review); progress, analytics, achievements and recommendations read it.
/// </summary>
public sealed class LearningEventStore(NpgsqlDataSource dataSource)
{
    private const string Insert = """
        INSERT INTO learning_events (user_id, verb, object_type, object_id, score, success, completion, duration_seconds,
                                     context, dedup_key, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, now()))
        ON CONFLICT (dedup_key) DO NOTHING
        RETURNING id
        """;

    /// <summary>Appends the event; with a <see cref="LearningEvent.DedupKey"/> seen before, nothing is written and 0 returned.</summary>
    public async Task<long> AppendAsync(LearningEvent e, CancellationToken cancellationToken, NpgsqlConnection? connection = null,
        NpgsqlTransaction? transaction = null)
    {
        await using var command = connection is null ? dataSource.CreateCommand(Insert) : new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = e.UserId });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Verb });
        command.Parameters.Add(new NpgsqlParameter { Value = e.ObjectType });
        command.Parameters.Add(new NpgsqlParameter { Value = e.ObjectId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Score ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Success ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Completion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.DurationSeconds ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (e.Context ?? new JsonObject()).ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.DedupKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.OccurredAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : 0;
    }

    /// <summary>A user's events, newest first, optionally of one object type and since a time.</summary>
    public async Task<IReadOnlyList<LearningEvent>> ListForUserAsync(long userId, string? objectType, DateTimeOffset? since, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, user_id AS UserId, verb, object_type AS ObjectType, object_id AS ObjectId, score, success, completion,
                   duration_seconds AS DurationSeconds, context::text AS context, dedup_key AS DedupKey, occurred_at AS OccurredAt
            FROM learning_events
            WHERE user_id = @userId AND (@objectType::text IS NULL OR object_type = @objectType)
              AND (@since::timestamptz IS NULL OR occurred_at >= @since)
            ORDER BY occurred_at DESC, id DESC
            LIMIT @limit
            """, new { userId, objectType, since, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    private sealed record Row(long Id, long UserId, string Verb, string ObjectType, string ObjectId, double? Score, bool? Success,
        bool? Completion, int? DurationSeconds, string Context, string? DedupKey, DateTime OccurredAt)
    {
        public LearningEvent ToEvent() => new(UserId, Verb, ObjectType, ObjectId, Score, Success, Completion, DurationSeconds,
            JsonNode.Parse(Context) as JsonObject, DedupKey, new DateTimeOffset(DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc)))
        { Id = Id };
    }
}
