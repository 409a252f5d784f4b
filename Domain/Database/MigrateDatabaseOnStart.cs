using Microsoft.Extensions.Hosting;

namespace Pipeline.Domain.Database;

/// <summary>Runs the migrations before any other hosted service (the bus among them) starts.</summary>
public sealed class MigrateDatabaseOnStart(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
