using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Domain.Operations;

namespace Pipeline.Edge.Api.Operations.Endpoints;

/// <summary>ServicePulse's endpoint monitoring: every instance with its last heartbeat, up or down.</summary>
public static class EndpointInstancesApi
{
    public static void MapEndpointInstances(this RouteGroupBuilder ops) => ops.MapGet("/endpoints", ListAsync);

    // The database clock decides the age, so instances and API servers with slightly different clocks agree.
    private static async Task<Ok<EndpointInstanceList>> ListAsync(NpgsqlDataSource dataSource, IOptions<OperationsOptions> options,
        CancellationToken cancellationToken)
    {
        var downAfter = options.Value.EndpointDownAfterSeconds;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var instances = await connection.QueryAsync<EndpointInstance>(new CommandDefinition("""
            SELECT instance_id AS "InstanceId", endpoint AS "Endpoint", host AS "Host", version AS "Version", process_id AS "ProcessId",
                   started_at AS "StartedAt", last_heartbeat_at AS "LastHeartbeatAt",
                   round(greatest(0, extract(epoch FROM now() - last_heartbeat_at))::numeric, 1)::float8 AS "SecondsSinceHeartbeat",
                   CASE WHEN now() - last_heartbeat_at > make_interval(secs => @downAfter) THEN 'down' ELSE 'up' END AS "Status"
            FROM endpoint_instances ORDER BY endpoint, started_at DESC, instance_id
            """, new { downAfter }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new EndpointInstanceList(instances.ToList(), downAfter));
    }
}
