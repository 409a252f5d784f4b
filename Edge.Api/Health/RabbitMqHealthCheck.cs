using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pipeline.Edge.Api.Health;

/// <summary>Healthy while the bus holds its RabbitMQ connection (MassTransit tracks it per receive endpoint).</summary>
public sealed class RabbitMqHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        return Task.FromResult(health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(health.Description));
    }
}
