using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Messages.Operations;

namespace Pipeline.Operations.Endpoints;

/// <summary>Publishes this instance's <see cref="EndpointHeartbeat"/> every <c>Operations:HeartbeatSeconds</c>.</summary>
public sealed class HeartbeatPublisher(IBus bus, EndpointIdentity identity, IOptions<OperationsOptions> options,
    IHostApplicationLifetime lifetime, ILogger<HeartbeatPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken serviceStopping)
    {
        // Silent from the moment the host starts stopping: a heartbeat must not outlive the instance it reports.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(serviceStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
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
        while (await WaitForNextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitForNextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
