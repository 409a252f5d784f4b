using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MassTransit;
using StackExchange.Redis;

namespace Pipeline.Edge.Api.Health;

public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs; MassTransit tags its bus check with it too.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The name MassTransit's own bus check reports under (<see cref="ConfigureBusHealthCheck"/>).</summary>
    public const string BusCheckName = "rabbitmq";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// PostgreSQL and Redis through AspNetCore.HealthChecks (on the host's own data source and multiplexer, so a check
    /// opens no connection of its own); RabbitMQ is MassTransit's bus check, which AddMassTransit registers.
    /// </summary>
    public static IServiceCollection AddPipelineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddNpgSql(name: "postgresql", tags: [ReadyTag], timeout: CheckTimeout)
            .AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    /// <summary>MassTransit's bus check, under the name readiness has always reported it by.</summary>
    public static void ConfigureBusHealthCheck(this IBusRegistrationConfigurator bus) =>
        bus.ConfigureHealthCheckOptions(options => options.Name = BusCheckName);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Liveness only says the process answers; readiness names each dependency that is down (503).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        // MassTransit reports a bus with some endpoints down as degraded: not ready either.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        // The cheapest answer this host can give through its own middleware pipeline: a load balancer's ping, and the
        // baseline the benchmarks compare the status endpoint against (docs/benchmarks.md).
        app.MapGet("/health/ping", () => TypedResults.Ok(PingResponse.Ok)).AllowAnonymous().WithTags("Health");
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "healthy" : "unhealthy"),
            down = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
        };
        return context.Response.WriteAsJsonAsync(body);
    }
}
