using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Pipeline.Handlers.Scheduling;
using Pipeline.Sagas.Persistence;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Scheduling;

/// <summary>Saga timeouts and scheduled redelivery, both of which need the PostgreSQL scheduler on this broker.</summary>
public sealed class Delayed_work_through_the_scheduler : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly AttemptLog _attempts = new();
    private IsolatedInfrastructure _infrastructure = null!;
    private IHost _host = null!;

    private IBus Bus => _host.Services.GetRequiredService<IBus>();

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        _host = await TestBusHost.StartAsync(_infrastructure,
            bus =>
            {
                bus.AddPostgresMessageScheduler();
                bus.AddSagaStateMachine<WaitingStateMachine, WaitingState>(typeof(WaitingStateDefinition)).PostgresRepository();
                bus.AddConsumer<FlakyWorkConsumer, FlakyWorkConsumerDefinition>();
            },
            services => services.AddSingleton(_attempts));
    }

    [Fact]
    public async Task A_saga_timeout_fires_after_its_delay()
    {
        var id = Guid.NewGuid();
        var started = DateTime.UtcNow;

        await Bus.Publish(new StartWaiting(id), TestContext.Current.CancellationToken);

        var state = await Eventually.ReturnsAsync(() => LoadAsync(id), s => s?.CurrentState == "TimedOut", Patience, "the timeout fires");
        Assert.True(DateTime.UtcNow - started >= WaitingStateMachine.Delay, "the timeout fired early");
        Assert.Equal(0, await WaitingMessagesAsync());
        Assert.NotNull(state);
    }

    [Fact]
    public async Task An_unscheduled_saga_timeout_never_arrives()
    {
        var stopped = Guid.NewGuid();
        await Bus.Publish(new StartWaiting(stopped), TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => LoadAsync(stopped), s => s?.CurrentState == "Waiting", Patience);
        await Bus.Publish(new StopWaiting(stopped), TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => LoadAsync(stopped), s => s?.CurrentState == "Stopped", Patience);

        // A saga started later times out later: once it has, the stopped saga's timeout would have come too.
        var control = Guid.NewGuid();
        await Bus.Publish(new StartWaiting(control), TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => LoadAsync(control), s => s?.CurrentState == "TimedOut", Patience, "the control saga times out");

        var state = await LoadAsync(stopped);
        Assert.Equal(("Stopped", 0), (state!.CurrentState, state.LateTimeouts));
        Assert.Equal(0, await WaitingMessagesAsync());
    }

    [Fact]
    public async Task Scheduled_redelivery_retries_a_failing_message_later_with_its_redelivery_count()
    {
        var work = Guid.NewGuid();
        var endpoint = await Bus.GetSendEndpoint(new Uri($"queue:{FlakyWorkConsumerDefinition.Queue}"));

        await endpoint.Send(new FlakyWork(work), TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => Task.FromResult(_attempts.Attempts.Any(a => a.WorkId == work && a.Succeeded)), Patience, "the work succeeds");
        var attempts = _attempts.Attempts.Where(a => a.WorkId == work).ToList();
        Assert.Equal([0, 1, 2], attempts.Select(a => a.RedeliveryCount));
        Assert.Single(attempts.Select(a => a.OriginalMessageId).Distinct());
    }

    private async Task<WaitingState?> LoadAsync(Guid id) =>
        await _host.Services.GetRequiredService<ILoadSagaRepository<WaitingState>>().Load(id);

    private async Task<int> WaitingMessagesAsync()
    {
        await using var connection = await _host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM scheduled_messages");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAndDisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}
