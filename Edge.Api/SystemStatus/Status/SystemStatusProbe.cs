using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Operations;
using Pipeline.Edge.Api.Health;

namespace Pipeline.Edge.Api.SystemStatus.Status;

/// <summary>
/// Checks each service behind the API: PostgreSQL, Redis and RabbitMQ through the host's readiness checks; the
/// knowledge graph (PostgreSQL tables, present once the learning core is deployed); the AI service, which only the
/// Handlers workers call, so it is up when a Handlers instance has sent a heartbeat recently.
/// </summary>
public sealed class SystemStatusProbe(HealthCheckService healthChecks, NpgsqlDataSource dataSource, IOptions<OperationsOptions> operations)
{
    public static readonly IReadOnlyDictionary<string, string> Backends = new Dictionary<string, string>
    {
        ["database"] = "postgresql",
        ["redis"] = "redis",
        ["message_bus"] = "rabbitmq",
        ["knowledge_graph"] = "postgresql",
        ["ai_service"] = "handlers workers",
    };

    private const string Query = """
        SELECT to_regclass('concept_edges') IS NOT NULL AS graph,
               EXISTS (SELECT 1 FROM endpoint_instances
                       WHERE endpoint = 'handlers' AND last_heartbeat_at > now() - make_interval(secs => $1)) AS workers
        """;

    public async Task<ServiceStatuses> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.ReadyTag), cancellationToken);
        string State(string name) =>
            report.Entries.TryGetValue(name, out var e) && e.Status == HealthStatus.Healthy ? ServiceStates.Healthy : ServiceStates.Unhealthy;
        var database = State("postgresql");
        var (graph, ai) = (ServiceStates.Unhealthy, ServiceStates.Unhealthy);
        if (database == ServiceStates.Healthy)
        {
            try
            {
                await using var command = dataSource.CreateCommand(Query);
                command.Parameters.Add(new NpgsqlParameter { Value = (double)operations.Value.EndpointDownAfterSeconds });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                graph = reader.GetBoolean(0) ? ServiceStates.Healthy : ServiceStates.NotDeployed;
                ai = reader.GetBoolean(1) ? ServiceStates.Healthy : ServiceStates.Unhealthy;
            }
            catch (NpgsqlException)
            {
                database = ServiceStates.Unhealthy;
            }
        }
        return new ServiceStatuses(ServiceStates.Healthy, database, State("redis"), State("rabbitmq"), graph, ai);
    }
}
