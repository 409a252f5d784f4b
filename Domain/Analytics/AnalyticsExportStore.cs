using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Analytics;

/// <summary>The owner of <c>analytics_exports</c>: accepted by the edge, built by Handlers, downloaded by their owner only.</summary>
public sealed class AnalyticsExportStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        export_id AS ExportId, user_id AS UserId, report_type AS ReportType, format AS Format, filters::text AS Filters, sections AS Sections,
        status AS Status, content_type AS ContentType, file_name AS FileName, octet_length(file)::bigint AS FileSize, error AS Error,
        created_at AS CreatedAt, completed_at AS CompletedAt
        """;

    public async Task<AnalyticsExport> CreateAsync(long userId, string reportType, string format, string filtersJson, IReadOnlyList<string> sections,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<AnalyticsExport>(new CommandDefinition($"""
            INSERT INTO analytics_exports (export_id, user_id, report_type, format, filters, sections, status)
            VALUES (@exportId, @userId, @reportType, @format, @filtersJson::jsonb, @sections, 'processing')
            RETURNING {Columns}
            """, new
        {
            exportId = "export-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), userId, reportType, format, filtersJson,
            sections = sections.ToArray(),
        }, cancellationToken: ct));
    }

    public async Task<AnalyticsExport?> FindAsync(string exportId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AnalyticsExport>(new CommandDefinition(
            $"SELECT {Columns} FROM analytics_exports WHERE export_id = @exportId", new { exportId }, cancellationToken: ct));
    }

    /// <summary>The owner's export, or null (someone else's is as unknown as a missing one).</summary>
    public async Task<AnalyticsExport?> FindOwnedAsync(long userId, string exportId, CancellationToken ct) =>
        await FindAsync(exportId, ct) is { } e && e.UserId == userId ? e : null;

    public sealed record ExportFile(byte[] File, string ContentType, string FileName);

    public async Task<ExportFile?> FileAsync(long userId, string exportId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ExportFile>(new CommandDefinition("""
            SELECT file AS File, content_type AS ContentType, file_name AS FileName FROM analytics_exports
            WHERE export_id = @exportId AND user_id = @userId AND status = 'completed' AND file IS NOT NULL
            """, new { exportId, userId }, cancellationToken: ct));
        return row;
    }

    /// <summary>Stores the built file; false when the export was already finished (a redelivered command).</summary>
    public async Task<bool> CompleteAsync(string exportId, byte[] file, string contentType, string fileName, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE analytics_exports SET status = 'completed', file = @file, content_type = @contentType, file_name = @fileName, completed_at = now()
            WHERE export_id = @exportId AND status = 'processing'
            """, new { exportId, file, contentType, fileName }, cancellationToken: ct)) == 1;
    }

    public async Task FailAsync(string exportId, string error, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE analytics_exports SET status = 'failed', error = @error, completed_at = now() WHERE export_id = @exportId AND status = 'processing'
            """, new { exportId, error }, cancellationToken: ct));
    }
}
