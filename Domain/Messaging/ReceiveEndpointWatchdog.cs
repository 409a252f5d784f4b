using System.Collections.Concurrent;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Domain.Messaging;

/// <summary>
/// Restarts the bus when a receive endpoint does not come back after a broker outage.
/// <para>
/// MassTransit 8.4 on RabbitMQ.Client 7 (the newest pair served here) sometimes leaves an endpoint dead after the broker
/// restarts: when a message is in flight as the broker shuts down, nacking it on the closed channel throws
/// ("ReceiveLock.Faulted threw an exception"), and from then on the endpoint either stops consuming without another
/// word or retries every 30 s on the connection that the broker closed (AlreadyClosedException), while the process's
/// other endpoints reconnect. Its queue then has no consumer and the pipeline stalls (found by the fault-injection
/// suite, tests/Reliability: the saga's queue kept 34 messages and no consumer for 15 minutes). MassTransit fixes this in
/// 8.5 (commits "Do not (re)throw exceptions from Faulted within the ReceiveLockContext", "Fixed #6001"), which needs a
/// RabbitMQ.Client this environment does not serve.
/// </para>
/// <para>
/// So every endpoint's state is watched (faulted → ready). One that has not been ready again for
/// <see cref="RabbitMqOptions.EndpointRecoverySeconds"/> while the broker has accepted connections for half that time
/// gets a fresh start: the bus is stopped and started again, which replaces its connection (MassTransit recycles a
/// stopped connection supervisor) and every endpoint with it. In-flight messages go back to their queues; every
/// consumer here is idempotent.
/// </para>
/// </summary>
public sealed class ReceiveEndpointWatchdog(IServiceProvider services, IOptions<RabbitMqOptions> options, ILogger<ReceiveEndpointWatchdog> logger)
    : BackgroundService, IReceiveEndpointObserver
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private readonly RabbitMqOptions _options = options.Value;
    private readonly ConcurrentDictionary<Uri, DateTimeOffset> _unreadySince = new();
    private DateTimeOffset? _brokerReachableSince;
    private volatile bool _restarting;

    /// <summary>How many times this instance restarted its bus (for tests and logs).</summary>
    public int Restarts { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovery = TimeSpan.FromSeconds(_options.EndpointRecoverySeconds);
        if (recovery <= TimeSpan.Zero || services.GetService<IBusControl>() is not { } bus) return;
        using var observer = bus.ConnectReceiveEndpointObserver(this);
        using var timer = new PeriodicTimer(CheckEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await CheckAsync(bus, recovery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(IBusControl bus, TimeSpan recovery, CancellationToken stoppingToken)
    {
        if (_unreadySince.IsEmpty)
        {
            _brokerReachableSince = null;
            return;
        }
        var now = DateTimeOffset.UtcNow;
        if (!await BrokerAcceptsConnectionsAsync(stoppingToken))
        {
            _brokerReachableSince = null;
            return;
        }
        _brokerReachableSince ??= now;
        var stuck = _unreadySince.Where(e => now - e.Value >= recovery).Select(e => e.Key).ToList();
        if (stuck.Count == 0 || now - _brokerReachableSince < recovery / 2) return;

        logger.LogWarning("Receive endpoint(s) {Endpoints} not consuming for {Seconds:0} s although the broker is reachable; restarting the bus",
            string.Join(", ", stuck.Select(uri => uri.AbsolutePath)), (now - _unreadySince.Where(e => stuck.Contains(e.Key)).Min(e => e.Value)).TotalSeconds);
        _restarting = true;
        try
        {
            using (var stopTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                stopTimeout.CancelAfter(TimeSpan.FromSeconds(30));
                await bus.StopAsync(stopTimeout.Token);
            }
            _unreadySince.Clear();
            stoppingToken.ThrowIfCancellationRequested();
            using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            startTimeout.CancelAfter(TimeSpan.FromSeconds(60));
            await bus.StartAsync(startTimeout.Token);
            Restarts++;
            logger.LogWarning("Bus restarted after a receive endpoint did not recover ({Restarts} restart(s) so far)", Restarts);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The next check tries again: an endpoint that is not ready then is still (or again) unready.
            logger.LogError(e, "Restarting the bus failed; trying again in {Seconds} s", CheckEvery.TotalSeconds);
            foreach (var endpoint in stuck) _unreadySince.TryAdd(endpoint, now - recovery);
        }
        finally
        {
            _restarting = false;
            _brokerReachableSince = null;
        }
    }

    private async Task<bool> BrokerAcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(_options.Host, _options.Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        _unreadySince.TryRemove(ready.InputAddress, out _);
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        if (!_restarting) _unreadySince.TryAdd(faulted.InputAddress, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed)
    {
        // Stopped on purpose (the bus stopping, or an endpoint removed): nothing to recover.
        _unreadySince.TryRemove(completed.InputAddress, out _);
        return Task.CompletedTask;
    }
}
