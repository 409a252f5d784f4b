using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Messages.Operations;

namespace Pipeline.Domain.Operations.Endpoints;

/// <summary>Publishes this instance's <see cref="EndpointHeartbeat"/> every <c>Operations:HeartbeatSeconds</c>.</summary>
public sealed class HeartbeatPublisher(IBus bus, EndpointIdentity identity, IOptions<OperationsOptions> options,
    ILogger<HeartbeatPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds));
        do
        {
            try
            {
                await bus.Publish(new EndpointHeartbeat(identity.InstanceId, identity.Endpoint, identity.Host, identity.Version,
                    identity.ProcessId, identity.StartedAt, DateTimeOffset.UtcNow), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A broker outage must not stop the heartbeats for good: the next tick tries again.
                logger.LogWarning(e, "Could not publish the heartbeat of {InstanceId}", identity.InstanceId);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
