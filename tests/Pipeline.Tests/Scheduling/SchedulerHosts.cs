using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Pipeline.Handlers.Scheduling;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Scheduling;

/// <summary>Hosts that run the PostgreSQL scheduler (consumers and poller) next to a test's consumers.</summary>
public static class SchedulerHosts
{
    public static Task<IHost> StartWithProbeAsync(IsolatedInfrastructure infrastructure, DeliveryLog log) =>
        TestBusHost.StartAsync(infrastructure,
            bus =>
            {
                bus.AddPostgresMessageScheduler();
                bus.AddConsumer<ScheduledProbeConsumer>().Endpoint(e => e.Name = ScheduledProbeConsumer.Queue);
            },
            services => services.AddSingleton(log));

    public static async Task<ScheduledMessage<ScheduledProbe>> ScheduleProbeAsync(this IHost host, Guid probeId, DateTime dueAt)
    {
        using var scope = host.Services.CreateScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
        return await scheduler.ScheduleSend(ScheduledProbeConsumer.Address, dueAt, new ScheduledProbe(probeId));
    }

    public static async Task<int> WaitingMessagesAsync(this IHost host)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM scheduled_messages");
    }
}
