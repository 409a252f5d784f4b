using Dapper;
using Npgsql;

namespace Pipeline.Edge.Api.Operations.Endpoints;

/// <summary>Reads <c>endpoint_instances</c> (written by each host's heartbeat, Operations/Endpoints).</summary>
public static class EndpointInstanceQueries
{
    // The database clock decides the age, so instances and API servers with slightly different clocks agree.
    public static async Task<EndpointInstanceList> ListAsync(this NpgsqlDataSource dataSource, int downAfter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var instances = await connection.QueryAsync<EndpointInstance>(new CommandDefinition("""
            SELECT instance_id AS "InstanceId", endpoint AS "Endpoint", host AS "Host", version AS "Version", process_id AS "ProcessId",
                   started_at AS "StartedAt", last_heartbeat_at AS "LastHeartbeatAt",
                   round(greatest(0, extract(epoch FROM now() - last_heartbeat_at))::numeric, 1)::float8 AS "SecondsSinceHeartbeat",
                   CASE WHEN now() - last_heartbeat_at > make_interval(secs => @downAfter) THEN 'down' ELSE 'up' END AS "Status"
            FROM endpoint_instances ORDER BY endpoint, started_at DESC, instance_id
            """, new { downAfter }, cancellationToken: cancellationToken));
        return new EndpointInstanceList(instances.ToList(), downAfter);
    }
}
