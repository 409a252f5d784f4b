using Dapper;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;
using Npgsql;
using System.Text.Json;

namespace Pipeline.Sagas.Persistence;

/// <summary>Reads an instance without locking it, for <see cref="ILoadSagaRepository{TSaga}"/> (tests, ops views).</summary>
public sealed class PostgresSagaLoadContext<TSaga>(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>
    where TSaga : class, SagaStateMachineInstance
{
    private static readonly string SagaType = typeof(TSaga).FullName!;

    public async Task<TSaga> Load(Guid correlationId)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken);
        var data = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT data::text FROM saga_instances WHERE correlation_id = @correlationId AND saga_type = @SagaType",
            new { correlationId, SagaType }, cancellationToken: CancellationToken));
        if (data is null)
            return null!;
        var instance = JsonSerializer.Deserialize<TSaga>(data, PostgresSagaTransaction<TSaga>.Json)!;
        instance.CorrelationId = correlationId;
        return instance;
    }
}
