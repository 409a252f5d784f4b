using Dapper;
using Npgsql;

namespace Pipeline.Domain.Platform;

/// <summary>The owner of <c>reminders</c>: written by the edge, delivered once by Handlers.</summary>
public sealed class ReminderStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, user_id AS UserId, message, remind_at AS RemindAt, delivered_at AS DeliveredAt, created_at AS CreatedAt";

    public async Task<Reminder> CreateAsync(long userId, string message, DateTimeOffset remindAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<Reminder>(new CommandDefinition(
            $"INSERT INTO reminders (user_id, message, remind_at) VALUES (@userId, @message, @remindAt) RETURNING {Columns}",
            new { userId, message, remindAt = remindAt.UtcDateTime }, cancellationToken: ct));
    }

    public async Task<(IReadOnlyList<Reminder> Items, long Total)> ListAsync(long userId, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM reminders WHERE user_id = @userId",
            new { userId }, cancellationToken: ct));
        var items = await connection.QueryAsync<Reminder>(new CommandDefinition(
            $"SELECT {Columns} FROM reminders WHERE user_id = @userId ORDER BY remind_at DESC, id DESC LIMIT @limit OFFSET @offset",
            new { userId, limit, offset }, cancellationToken: ct));
        return (items.ToList(), total);
    }

    /// <summary>
    /// Delivers the reminder once: marks it delivered and runs <paramref name="announce"/> in the same transaction, so a
    /// failed announcement leaves it undelivered for the retry, and a redelivered message finds it delivered and does
    /// nothing (null).
    /// </summary>
    public async Task<Reminder?> DeliverOnceAsync(long reminderId, Func<Reminder, Task> announce, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var reminder = await connection.QuerySingleOrDefaultAsync<Reminder>(new CommandDefinition(
            $"UPDATE reminders SET delivered_at = now() WHERE id = @reminderId AND delivered_at IS NULL RETURNING {Columns}",
            new { reminderId }, transaction, cancellationToken: ct));
        if (reminder is null) return null;
        await announce(reminder);
        await transaction.CommitAsync(ct);
        return reminder;
    }

    /// <summary>
    /// A notice from the system (not asked for by the user), stored in the user's notifications list as a reminder
    /// delivered now; <paramref name="announce"/> runs in the same transaction. Once per <paramref name="noticeKey"/>:
    /// a second call with the same key stores and announces nothing (null).
    /// </summary>
    public async Task<Reminder?> NotifyOnceAsync(long userId, string message, string noticeKey, Func<Reminder, Task> announce, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var reminder = await connection.QuerySingleOrDefaultAsync<Reminder>(new CommandDefinition(
            $"""
            INSERT INTO reminders (user_id, message, remind_at, delivered_at, notice_key) VALUES (@userId, @message, now(), now(), @noticeKey)
            ON CONFLICT (notice_key) WHERE notice_key IS NOT NULL DO NOTHING
            RETURNING {Columns}
            """, new { userId, message, noticeKey }, transaction, cancellationToken: ct));
        if (reminder is null) return null;
        await announce(reminder);
        await transaction.CommitAsync(ct);
        return reminder;
    }

    /// <summary>Reminders past due by more than <paramref name="grace"/> and still undelivered (their scheduled message was lost).</summary>
    public async Task<IReadOnlyList<long>> OverdueAsync(TimeSpan grace, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM reminders WHERE delivered_at IS NULL AND remind_at < now() - @grace ORDER BY remind_at LIMIT @limit",
            new { grace, limit }, cancellationToken: ct))).ToList();
    }
}
