using Dapper;
using Npgsql;

namespace Pipeline.Domain.Trac;

/// <summary>The owner of <c>trac_import_issues</c>: what the importer refused (e.g. a prerequisite edge closing a cycle).</summary>
public sealed class TracImportIssueStore(NpgsqlDataSource dataSource)
{
    public const string Cycle = "prerequisite_cycle";

    /// <summary>Records the issue once; true when it is new.</summary>
    public async Task<bool> ReportAsync(string kind, long? ticket, long source, long target, string message, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO trac_import_issues (kind, ticket, source_id, target_id, message) VALUES (@kind, @ticket, @source, @target, @message)
            ON CONFLICT (kind, source_id, target_id) DO NOTHING
            """, new { kind, ticket, source, target, message }, cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlyList<(string Kind, long Source, long Target, string Message)>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<(string, long, long, string)>(new CommandDefinition(
            "SELECT kind, source_id, target_id, message FROM trac_import_issues ORDER BY id", cancellationToken: ct))).ToList();
    }
}
