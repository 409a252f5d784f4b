using Pipeline.ServiceDefaults.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Pipeline.Edge.Api.Health;

public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Bounded: StackExchange.Redis 1.x never times out an async call, and a hung Redis is exactly what this reports.
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromMilliseconds(redis.TimeoutMilliseconds), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
