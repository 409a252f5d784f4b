using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pipeline.Domain.Database;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Foundation;

public sealed class Database_migrations
{
    [Fact]
    public async Task Apply_once_each_even_when_several_processes_start_at_once()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(infrastructure.PostgresConnectionString);

        // Eight concurrent starts, then a ninth on an up-to-date database.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None)));
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'"));
    }
}
