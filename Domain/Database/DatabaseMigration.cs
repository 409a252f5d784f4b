using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Domain.Database;

/// <summary>
/// Migrations run explicitly, before a host starts: each host's Program calls <see cref="MigrateDatabaseAsync"/> between
/// <c>Build()</c> and <c>Run()</c>, so no hosted service (the bus, the admin bootstrap, the Trac importer...) ever sees
/// an old schema. Tests build hosts through WebApplicationFactory, which stops at <c>Build()</c>: their fixtures call
/// this (or <see cref="DatabaseMigrator"/>) themselves before starting any host.
/// </summary>
public static class DatabaseMigration
{
    public static Task MigrateDatabaseAsync(this IHost host, CancellationToken cancellationToken = default) =>
        host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
}
