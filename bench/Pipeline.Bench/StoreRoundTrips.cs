using System.Diagnostics;
using Npgsql;
using StackExchange.Redis;

namespace Pipeline.Bench;

/// <summary>
/// The storage round trips of the time to structure's critical path, one at a time with the product's client libraries
/// and data-source settings, and no work around them: a committed single-row insert (its commit waits for the WAL flush, like every product write) and a primary-key read on PostgreSQL, a hash read on Redis.
/// Benchmark 4 multiplies them by how many the path makes to show its floor.
/// </summary>
public static class StoreRoundTrips
{
    public static async Task<object> MeasureAsync(string postgres, string redis, int count)
    {
        await using var dataSource = new NpgsqlDataSourceBuilder(postgres) { ConnectionStringBuilder = { NoResetOnClose = true, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 } }.Build();
        await using (var setup = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_round_trip (id bigserial PRIMARY KEY, note text); TRUNCATE bench_round_trip RESTART IDENTITY"))
            await setup.ExecuteNonQueryAsync();

        var insert = await TimeAsync(count, async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("INSERT INTO bench_round_trip (note) VALUES ($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = "x" });
            await command.ExecuteNonQueryAsync();
        });
        var read = await TimeAsync(count, async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT note FROM bench_round_trip WHERE id = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = 1L });
            await command.ExecuteScalarAsync();
        });
        await using (var drop = dataSource.CreateCommand("DROP TABLE bench_round_trip"))
            await drop.ExecuteNonQueryAsync();

        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis);
        var database = multiplexer.GetDatabase();
        var hash = await TimeAsync(count, () => database.HashGetAsync("bench:round-trip", "field"));
        return new { count, postgres_insert_commit_p50_ms = insert, postgres_read_p50_ms = read, redis_read_p50_ms = hash };
    }

    private static async Task<double> TimeAsync(int count, Func<Task> roundTrip)
    {
        for (var i = 0; i < 50; i++) await roundTrip(); // warm-up: pool, JIT
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await roundTrip();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return Math.Round(times[count / 2], 3);
    }
}
