using Dapper;
using Npgsql;

namespace Pipeline.Domain.Trac;

/// <summary>
/// The owner of the Trac-compatible <c>trac</c> schema (migration 0020): loads the starter curriculum into an empty
/// schema and reads tickets changed since a <c>changetime</c> for the importer. Writes look like Trac's own.
/// </summary>
public sealed class TracTicketStore(NpgsqlDataSource dataSource)
{
    private const long SeedLockKey = 0x5452_4143_5345_4544; // "TRACSEED"

    /// <summary>Loads the curriculum when <c>trac.ticket</c> is empty (once, even with several hosts starting); true if it did.</summary>
    public async Task<bool> LoadIfEmptyAsync(TracCurriculum curriculum, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@SeedLockKey)", new { SeedLockKey }, transaction);
        if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM trac.ticket)", transaction: transaction))
            return false;
        var time = TracTime.From(now);
        await connection.ExecuteAsync("""
            INSERT INTO trac.milestone (name, due, completed, description) VALUES (@Name, 0, 0, @Description)
            ON CONFLICT (name) DO NOTHING
            """, curriculum.Milestones, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO trac.component (name, owner, description) VALUES (@Name, @Owner, @Description)
            ON CONFLICT (name) DO NOTHING
            """, curriculum.Components, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO trac.ticket (id, type, time, changetime, component, severity, priority, owner, reporter, cc, version,
                                     milestone, status, resolution, summary, description, keywords)
            VALUES (@Id, @Type, @time, @time, @Component, @Severity, @Priority, @Owner, @Reporter, '', '', @Milestone, @Status,
                    '', @Summary, @Description, @Keywords)
            """, curriculum.Tickets.Select(t => new
        {
            t.Id, t.Type, time, t.Component, t.Severity, t.Priority, t.Owner, t.Reporter, t.Milestone, t.Status, t.Summary,
            t.Description, t.Keywords,
        }), transaction);
        await connection.ExecuteAsync("INSERT INTO trac.ticket_custom (ticket, name, value) VALUES (@ticket, @name, @value)",
            curriculum.Tickets.SelectMany(t => t.Custom.Select(c => new { ticket = (int)t.Id, name = c.Key, value = c.Value })), transaction);
        // Trac's id sequence must continue after the loaded ids, or the next ticket a Trac creates would collide.
        await connection.ExecuteAsync("SELECT setval('trac.ticket_id_seq', (SELECT max(id) FROM trac.ticket))", transaction: transaction);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Tickets whose <c>changetime</c> is after <paramref name="after"/>, oldest change first.</summary>
    public async Task<IReadOnlyList<TracTicket>> ChangedAfterAsync(long after, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var tickets = (await connection.QueryAsync<TicketRow>(new CommandDefinition("""
            SELECT id::bigint AS id, type, coalesce(time, 0) AS time, coalesce(changetime, 0) AS changetime, component, milestone, status,
                   summary, description, keywords
            FROM trac.ticket WHERE coalesce(changetime, 0) > @after ORDER BY changetime, id LIMIT @limit
            """, new { after, limit }, cancellationToken: ct))).ToList();
        if (tickets.Count == 0) return [];
        var ids = tickets.Select(t => (int)t.Id).ToArray();
        var custom = (await connection.QueryAsync<(int Ticket, string Name, string? Value)>(new CommandDefinition(
                "SELECT ticket, name, value FROM trac.ticket_custom WHERE ticket = ANY(@ids)", new { ids }, cancellationToken: ct)))
            .GroupBy(c => (long)c.Ticket)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(c => c.Name, c => c.Value ?? ""));
        return tickets.Select(t => new TracTicket(t.Id, t.Type, t.Time, t.ChangeTime, t.Component, t.Milestone, t.Status, t.Summary,
            t.Description, t.Keywords, custom.GetValueOrDefault(t.Id) ?? new Dictionary<string, string>())).ToList();
    }

    /// <summary>Every ticket's prerequisite fields (MasterTickets' <c>blockedby</c> and <c>blocking</c>).</summary>
    public async Task<IReadOnlyList<(long Ticket, string Name, string Value)>> DependencyFieldsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<(int, string, string?)>(new CommandDefinition("""
                SELECT c.ticket, c.name, c.value FROM trac.ticket_custom c JOIN trac.ticket t ON t.id = c.ticket
                WHERE c.name IN ('blockedby', 'blocking')
                """, cancellationToken: ct)))
            .Select(r => ((long)r.Item1, r.Item2, r.Item3 ?? "")).ToList();
    }

    /// <summary>The ids of all tickets (the importer drops concepts whose ticket was deleted).</summary>
    public async Task<IReadOnlyList<long>> TicketIdsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition("SELECT id::bigint FROM trac.ticket", cancellationToken: ct))).ToList();
    }

    private sealed record TicketRow(long Id, string? Type, long Time, long ChangeTime, string? Component, string? Milestone,
        string? Status, string? Summary, string? Description, string? Keywords);
}
