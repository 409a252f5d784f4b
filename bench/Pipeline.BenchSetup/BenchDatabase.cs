using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pipeline.Domain.Database;

namespace Pipeline.BenchSetup;

/// <summary>
/// A benchmark's own PostgreSQL database on the server <c>ConnectionStrings__Postgres</c> names (./bench.sh exports it):
/// dropped, created anew and migrated at the start (before any host's consumers can touch it), dropped at the end unless <c>BENCH_&lt;COMMAND&gt;_KEEP=1</c>.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _keepVariable;

    private BenchDatabase(string server, string name, string keepVariable)
    {
        _server = server;
        Name = name;
        _keepVariable = keepVariable;
    }

    public string Name { get; }

    /// <summary>The database's connection string, with whatever else <paramref name="tune"/> sets.</summary>
    public string ConnectionString(Action<NpgsqlConnectionStringBuilder>? tune = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = Name };
        tune?.Invoke(builder);
        return builder.ConnectionString;
    }

    /// <param name="name">the database (and, for <see cref="BenchEnvironment"/>, vhost and Redis prefix) name</param>
    /// <param name="command">the bench.sh command that runs the benchmark ("chat"), for the messages and the KEEP variable</param>
    public static async Task<BenchDatabase> CreateAsync(string name, string command)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? throw new InvalidOperationException($"ConnectionStrings__Postgres is not set (run through ./bench.sh {command}).");
        var database = new BenchDatabase(server, name, $"BENCH_{command.ToUpperInvariant()}_KEEP");
        await database.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {name}");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString(c => c.Pooling = false));
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable(_keepVariable) != "1")
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.ExecuteAsync(sql);
    }
}
