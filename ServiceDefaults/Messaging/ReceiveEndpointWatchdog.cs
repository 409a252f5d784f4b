using System.Collections.Concurrent;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.ServiceDefaults.Messaging;

/// <summary>
/// Stops the host (exit code <see cref="ExitCode"/>, for its supervisor to start a fresh one) when one of its receive
/// endpoints does not consume again after a broker outage.
/// <para>
/// MassTransit on RabbitMQ.Client 7 (8.4, and 8.5.12 with RabbitMQ.Client 7.2.2) sometimes leaves endpoints dead after the broker
/// restarts: a message in flight as the broker shuts down is nacked on the closed channel, which throws ("ReceiveLock.
/// Faulted threw an exception"), and from then on the endpoint either retries every 30 s on the connection the broker
/// closed (AlreadyClosedException) or stops consuming without another word, while the process's other endpoints
/// reconnect. Its queue has no consumer and the pipeline stalls: the fault-injection suite (tests/Reliability) saw the
/// saga's queue keep 34 messages and no consumer for 15 minutes, and after a bus restart in process the planning queue
/// 610 messages and no consumer. 8.5.12 was expected to fix it and does not: one worker's saga endpoint stayed dead
/// through three broker restarts (docs/rabbitmq-restarts.md). A fresh process always starts clean, and every consumer here is idempotent (a worker killed with SIGKILL in the
/// middle of a batch loses nothing), so the way out is to end the process and let its supervisor start a new one
/// (docker compose: restart: unless-stopped; run.sh restarts on this exit code).
/// </para>
/// <para>
/// Dead is: an endpoint that reported a fault and has not been ready since, or one whose queue the broker shows without
/// a consumer of this instance's connection (<see cref="BusConnectionName"/>), for <see cref="RabbitMqOptions.EndpointRecoverySeconds"/>
/// while the broker has been accepting connections for half that time (a broker that is still down is waited for).
/// </para>
/// </summary>
public sealed class ReceiveEndpointWatchdog(IServiceProvider services, IOptions<RabbitMqOptions> options, BusConnectionName connectionName,
    IHostApplicationLifetime lifetime, ILogger<ReceiveEndpointWatchdog> logger)
    : BackgroundService, IReceiveEndpointObserver
{
    /// <summary>EX_TEMPFAIL: the host ended itself to be started again.</summary>
    public const int ExitCode = 75;

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private readonly RabbitMqOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Uri> _ready = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _faultedSince = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unconsumedSince = new();
    private DateTimeOffset? _brokerReachableSince;

    /// <summary>True once the watchdog has asked the host to stop: the program then exits with <see cref="ExitCode"/>.</summary>
    public bool GaveUp { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovery = TimeSpan.FromSeconds(_options.EndpointRecoverySeconds);
        if (recovery <= TimeSpan.Zero || services.GetService<IBusControl>() is not { } bus) return;
        using var observer = bus.ConnectReceiveEndpointObserver(this);
        using var timer = new PeriodicTimer(CheckEvery);
        try
        {
            while (!GaveUp && await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(recovery, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A watchdog that fails must not take the host down with it (a background service's exception stops
                    // the host): the next check tries again.
                    logger.LogWarning(e, "Checking the receive endpoints failed; trying again in {Seconds} s", CheckEvery.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(TimeSpan recovery, CancellationToken stoppingToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (!await BrokerAcceptsConnectionsAsync(stoppingToken))
        {
            _brokerReachableSince = null;
            return;
        }
        _brokerReachableSince ??= now;
        await CompareWithBrokerAsync(now, stoppingToken);

        var dead = _faultedSince.Concat(_unconsumedSince).Where(e => now - e.Value >= recovery).Select(e => e.Key).Distinct().ToList();
        if (dead.Count == 0 || now - _brokerReachableSince < recovery / 2) return;

        GaveUp = true;
        logger.LogCritical("Receive endpoint(s) {Endpoints} not consuming for {Seconds:0}+ s although the broker accepts connections; " +
            "stopping this host (exit code {ExitCode}) so that a fresh one takes over", string.Join(", ", dead), recovery.TotalSeconds, ExitCode);
        lifetime.StopApplication();
    }

    /// <summary>Which of this instance's ready endpoints the broker shows without a consumer of ours.</summary>
    private async Task CompareWithBrokerAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        if (_ready.IsEmpty || services.GetService<RabbitMqManagementClient>() is not { } management) return;
        IReadOnlySet<string> consumed;
        try
        {
            consumed = await management.QueuesConsumedByAsync(connectionName.Value, stoppingToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "The management API did not answer; endpoints are checked again later");
            return;
        }
        foreach (var queue in _ready.Keys)
        {
            if (consumed.Contains(queue)) _unconsumedSince.TryRemove(queue, out _);
            else _unconsumedSince.TryAdd(queue, now);
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

    private static string QueueOf(Uri inputAddress) => inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();

    public Task Ready(ReceiveEndpointReady ready)
    {
        var queue = QueueOf(ready.InputAddress);
        // Ready but not started: an endpoint that consumes only once something needs it (the bus's own temporary
        // endpoint), so the broker rightly shows no consumer on its queue yet.
        if (ready.IsStarted) _ready[queue] = ready.InputAddress;
        else _ready.TryRemove(queue, out _);
        _faultedSince.TryRemove(queue, out _);
        _unconsumedSince.TryRemove(queue, out _);
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        _faultedSince.TryAdd(QueueOf(faulted.InputAddress), DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed)
    {
        // Stopped on purpose (the bus stopping, or an endpoint removed): nothing to watch any more.
        var queue = QueueOf(completed.InputAddress);
        _ready.TryRemove(queue, out _);
        _faultedSince.TryRemove(queue, out _);
        _unconsumedSince.TryRemove(queue, out _);
        return Task.CompletedTask;
    }
}
