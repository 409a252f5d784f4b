using MassTransit;
using Npgsql;
using Pipeline.Messages.Operations;

namespace Pipeline.Operations.Endpoints;

/// <summary>
/// Stores heartbeats in <c>endpoint_instances</c>. Both hosts run it on the same queue, so heartbeats are recorded as
/// long as any instance is up. A late (queued) heartbeat never moves the last-seen time back.
/// </summary>
public sealed class EndpointHeartbeatConsumer(NpgsqlDataSource dataSource) : IConsumer<EndpointHeartbeat>
{
    private const string Upsert = """
        INSERT INTO endpoint_instances (instance_id, endpoint, host, version, process_id, started_at, last_heartbeat_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (instance_id) DO UPDATE SET
            endpoint = EXCLUDED.endpoint, host = EXCLUDED.host, version = EXCLUDED.version, process_id = EXCLUDED.process_id,
            started_at = EXCLUDED.started_at,
            last_heartbeat_at = GREATEST(endpoint_instances.last_heartbeat_at, EXCLUDED.last_heartbeat_at)
        """;

    public async Task Consume(ConsumeContext<EndpointHeartbeat> context)
    {
        var beat = context.Message;
        await using var command = dataSource.CreateCommand(Upsert);
        foreach (var value in new object[] { beat.InstanceId, beat.Endpoint, beat.Host, beat.Version, beat.ProcessId, beat.StartedAt, beat.SentAt })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}
