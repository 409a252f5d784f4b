using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Pipeline.Sagas.Persistence;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Persistence;

/// <summary>A host running only the counter saga on the PostgreSQL repository, with its projection, on real infrastructure.</summary>
public sealed class SagaPersistenceFixture : IAsyncLifetime
{
    private IHost? _host;

    public IsolatedInfrastructure Infrastructure { get; private set; } = null!;
    public ProjectionLog Log { get; } = new();
    public IServiceProvider Services => _host!.Services;
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();
    public IBus Bus => Services.GetRequiredService<IBus>();

    public async ValueTask InitializeAsync()
    {
        Infrastructure = await IsolatedInfrastructure.CreateAsync();
        _host = await TestBusHost.StartAsync(Infrastructure,
            bus =>
            {
                bus.AddSagaStateMachine<CounterStateMachine, CounterState>(typeof(CounterStateDefinition)).PostgresRepository();
                bus.AddConsumer<CountUpFaultObserver>();
            },
            services =>
            {
                services.AddSingleton(Log);
                services.AddScoped<ISagaStateProjection<CounterState>, CounterProjection>();
            });
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(CounterProjection.CreateTable);
    }

    public async Task<CounterState?> LoadAsync(Guid correlationId) =>
        await Services.GetRequiredService<ILoadSagaRepository<CounterState>>().Load(correlationId);

    public async Task<int?> ProjectedCountAsync(Guid correlationId)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int?>("SELECT count FROM counter_projection WHERE correlation_id = @correlationId", new { correlationId });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAndDisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
