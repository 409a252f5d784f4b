using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Scheduling;

public sealed class Postgres_message_scheduler : IAsyncLifetime
{
    // The database clock decides "due" and the test clock measures delivery: same machine, but allow for rounding.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly DeliveryLog _log = new();
    private readonly List<IHost> _hosts = [];
    private IsolatedInfrastructure _infrastructure = null!;

    public async ValueTask InitializeAsync() => _infrastructure = await IsolatedInfrastructure.CreateAsync();

    [Fact]
    public async Task Delivers_a_scheduled_message_at_its_due_time_and_not_before()
    {
        var host = await StartHostAsync();
        var probe = Guid.NewGuid();
        var dueAt = DateTime.UtcNow.AddSeconds(2);

        await host.ScheduleProbeAsync(probe, dueAt);

        await Eventually.HoldsAsync(() => Task.FromResult(_log.CountOf(probe) == 1), Patience, "the probe is delivered");
        var delivered = _log.Deliveries.Single(d => d.ProbeId == probe).ReceivedAt;
        Assert.InRange(delivered, dueAt - ClockTolerance, dueAt + TimeSpan.FromSeconds(3));
        Assert.Equal(0, await host.WaitingMessagesAsync());
    }

    [Fact]
    public async Task Does_not_deliver_a_cancelled_message()
    {
        var host = await StartHostAsync();
        var cancelled = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var dueAt = DateTime.UtcNow.AddSeconds(2);

        var handle = await host.ScheduleProbeAsync(cancelled, dueAt);
        await host.ScheduleProbeAsync(kept, dueAt);
        await Eventually.ReturnsAsync(host.WaitingMessagesAsync, n => n == 2, Patience, "both are stored");
        using (var scope = host.Services.CreateScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
            await scheduler.CancelScheduledSend(ScheduledProbeConsumer.Address, handle.TokenId, TestContext.Current.CancellationToken);
        }

        // The kept probe was due at the same moment, so once it arrived the cancelled one would have arrived too.
        await Eventually.HoldsAsync(() => Task.FromResult(_log.CountOf(kept) == 1), Patience, "the kept probe is delivered");
        await SendMarkerAndWaitAsync(host);
        Assert.Equal(0, _log.CountOf(cancelled));
        Assert.Equal(0, await host.WaitingMessagesAsync());
    }

    [Fact]
    public async Task Delivers_a_message_scheduled_before_the_scheduler_host_restarted()
    {
        var first = await StartHostAsync();
        var probe = Guid.NewGuid();
        await first.ScheduleProbeAsync(probe, DateTime.UtcNow.AddSeconds(3));
        await Eventually.ReturnsAsync(first.WaitingMessagesAsync, n => n == 1, Patience, "the probe is stored");

        await first.StopAndDisposeAsync();
        _hosts.Remove(first);
        Assert.Equal(0, _log.CountOf(probe));
        var second = await StartHostAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(_log.CountOf(probe) == 1), Patience, "the restarted scheduler delivers the probe");
        Assert.Equal(0, await second.WaitingMessagesAsync());
    }

    [Fact]
    public async Task Two_schedulers_polling_the_same_table_deliver_each_message_once()
    {
        var first = await StartHostAsync();
        var second = await StartHostAsync();
        var dueAt = DateTime.UtcNow.AddSeconds(2);
        var probes = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(probes.Select((probe, i) => (i % 2 == 0 ? first : second).ScheduleProbeAsync(probe, dueAt.AddMilliseconds(i % 10))));

        await Eventually.HoldsAsync(() => Task.FromResult(probes.All(p => _log.CountOf(p) >= 1)), TimeSpan.FromSeconds(40), "every probe is delivered");
        await Eventually.ReturnsAsync(first.WaitingMessagesAsync, n => n == 0, Patience);
        await SendMarkerAndWaitAsync(first);
        Assert.All(probes, p => Assert.Equal(1, _log.CountOf(p)));
    }

    /// <summary>Anything sent before this marker has been consumed once the marker has (near enough: one queue, in order).</summary>
    private async Task SendMarkerAndWaitAsync(IHost host)
    {
        var marker = Guid.NewGuid();
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(ScheduledProbeConsumer.Address);
        await endpoint.Send(new ScheduledProbe(marker), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => Task.FromResult(_log.CountOf(marker) == 1), Patience, "the marker arrives");
    }

    private async Task<IHost> StartHostAsync()
    {
        var host = await SchedulerHosts.StartWithProbeAsync(_infrastructure, _log);
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.StopAndDisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}
