using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pipeline.Domain.Database;

/// <summary>
/// Applies the versioned SQL scripts embedded in this assembly (Database/Migrations/NNNN_name.sql) in order, once each,
/// recording them in <c>schema_migrations</c>. Safe to run from every process at start-up: a transaction-scoped advisory
/// lock makes concurrent starts wait for each other, and each script runs in the same transaction as its record.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const long MigrationLockKey = 0x5049_5045_4C49_4E45; // "PIPELINE"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@MigrationLockKey)", new { MigrationLockKey }, transaction);
        await connection.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, transaction: transaction);
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations", transaction: transaction)).ToHashSet();

        foreach (var migration in Migration.Embedded())
        {
            if (applied.Contains(migration.Version))
                continue;
            logger.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                new { migration.Version, migration.Name }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        // New tables and types may have appeared: pooled connections must not keep stale type caches.
        await connection.ReloadTypesAsync(cancellationToken);
    }

    private sealed record Migration(int Version, string Name, string Sql)
    {
        public static IEnumerable<Migration> Embedded()
        {
            var assembly = typeof(DatabaseMigrator).Assembly;
            const string prefix = "Pipeline.Domain.Database.Migrations.";
            return assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
                .Select(name => Parse(assembly, name, name[prefix.Length..^4]))
                .OrderBy(m => m.Version);
        }

        private static Migration Parse(Assembly assembly, string resource, string fileName)
        {
            var separator = fileName.IndexOf('_');
            if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
                throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_description.sql");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
        }
    }
}
