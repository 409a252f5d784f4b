using Dapper;
using Npgsql;
using Pipeline.Sagas.Persistence;

namespace Pipeline.Tests.Persistence;

/// <summary>
/// Mirrors the counter into <c>counter_projection</c> the way a feature mirrors saga state into its task row. With the
/// note <see cref="FailNote"/> it writes its row and then throws, so a test can see both writes roll back.
/// </summary>
public sealed class CounterProjection(NpgsqlDataSource dataSource, ProjectionLog log) : ISagaStateProjection<CounterState>
{
    public const string FailNote = "fail-projection";

    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS counter_projection (correlation_id uuid PRIMARY KEY, state text, count int NOT NULL)
        """;

    public NpgsqlBatchCommand CreateCommand(CounterState instance)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO counter_projection (correlation_id, state, count) VALUES ($1, $2, $3)
            ON CONFLICT (correlation_id) DO UPDATE SET state = excluded.state, count = excluded.count
            RETURNING count
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = instance.CorrelationId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)instance.CurrentState ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = instance.Count });
        return command;
    }

    public Task<Func<CancellationToken, Task>?> ReadResultAsync(NpgsqlDataReader reader, CounterState instance, CancellationToken cancellationToken)
    {
        // The row is written by now: failing here must roll it back together with the saga state.
        if (instance.LastNote == FailNote)
        {
            log.FailedProjections.Enqueue(instance.CorrelationId);
            throw new InvalidOperationException("The projection failed on purpose");
        }
        return Task.FromResult<Func<CancellationToken, Task>?>(token => RecordCommittedAsync(instance, token));
    }

    private async Task RecordCommittedAsync(CounterState instance, CancellationToken cancellationToken)
    {
        // Another connection sees the projected row only if the transaction really committed before this call.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var visible = await connection.ExecuteScalarAsync<int?>(
            "SELECT count FROM counter_projection WHERE correlation_id = @CorrelationId", new { instance.CorrelationId });
        log.Committed.Enqueue(new ProjectionLog.CommittedProjection(instance.CorrelationId, instance.CurrentState, instance.Count, visible));
    }
}
