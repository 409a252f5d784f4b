using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.Scheduling;

namespace Pipeline.Tests.Faults;

/// <summary>
/// The watchdog's way out of MassTransit's dead endpoints (8.4 and 8.5.12) after a broker restart (see ReceiveEndpointWatchdog):
/// an endpoint that reported a fault and never became ready again, while the broker accepts connections, stops the
/// host (whose program then exits with code 75 for its supervisor). The dead endpoint itself is simulated (its fault
/// reported, no recovery); MassTransit's race takes a broker restart, which tests/Reliability does.
/// </summary>
public sealed class Receive_endpoint_watchdog : IAsyncLifetime
{
    private readonly DeliveryLog _log = new();
    private IsolatedInfrastructure _infrastructure = null!;
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _host = await TestBusHost.StartAsync(_infrastructure,
            bus => bus.AddConsumer<ScheduledProbeConsumer>().Endpoint(e => e.Name = ScheduledProbeConsumer.Queue),
            services =>
            {
                services.AddSingleton(_log);
                services.Configure<RabbitMqOptions>(options => options.EndpointRecoverySeconds = 2);
            });
    }

    [Fact]
    public async Task An_endpoint_that_stays_faulted_while_the_broker_is_up_stops_the_host_for_a_fresh_one()
    {
        var watchdog = _host.Services.GetRequiredService<ReceiveEndpointWatchdog>();
        var stopping = _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var bus = _host.Services.GetRequiredService<IBus>();
        var endpoint = new Uri(bus.Address, $"/{_infrastructure.VirtualHost}/{ScheduledProbeConsumer.Queue}");
        // Consuming, as the broker sees it: the watchdog has nothing to say.
        var probe = Guid.NewGuid();
        await (await bus.GetSendEndpoint(ScheduledProbeConsumer.Address)).Send(new ScheduledProbe(probe));
        await Eventually.HoldsAsync(() => Task.FromResult(_log.CountOf(probe) == 1), TimeSpan.FromSeconds(30), "the probe to be consumed");
        Assert.False(watchdog.GaveUp);

        await watchdog.Faulted(new EndpointFault(endpoint));

        await Eventually.HoldsAsync(() => Task.FromResult(stopping.IsCancellationRequested), TimeSpan.FromSeconds(30), "the watchdog to stop the host");
        Assert.True(watchdog.GaveUp);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAndDisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    private sealed record EndpointFault(Uri InputAddress) : ReceiveEndpointFaulted
    {
        public Exception Exception { get; } = new InvalidOperationException("simulated: the endpoint's channel is gone");
        public IReceiveEndpoint ReceiveEndpoint => null!;
    }
}
