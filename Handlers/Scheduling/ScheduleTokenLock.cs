using Dapper;
using Npgsql;

namespace Pipeline.Handlers.Scheduling;

/// <summary>
/// Serialises the schedule and the cancel of one token (a transaction-scoped advisory lock), so whichever is consumed
/// second sees what the first did.
/// </summary>
public static class ScheduleTokenLock
{
    public static Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tokenId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@token, 0))",
            new { token = tokenId.ToString() }, transaction, cancellationToken: cancellationToken));
}
