using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Domain;
using Pipeline.Domain.Database;
using Pipeline.ServiceDefaults;
using Pipeline.ServiceDefaults.Messaging;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// Starts a host with the pipeline's infrastructure (migrated database, RabbitMQ connection, scheduler client) and
/// only the consumers and sagas a test registers, on an <see cref="IsolatedInfrastructure"/>.
/// </summary>
public static class TestBusHost
{
    public static async Task<IHost> StartAsync(IsolatedInfrastructure infrastructure, Action<IBusRegistrationConfigurator> configureBus,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(infrastructure.Settings);
        builder.AddServiceDefaults();
        builder.Services.AddPipelineData();
        // The test runner swallows console output; PIPELINE_TEST_LOG=/tmp/file sends the hosts' logs there when a test needs explaining.
        if (Environment.GetEnvironmentVariable("PIPELINE_TEST_LOG") is { Length: > 0 } logFile)
        {
            Console.SetOut(new StreamWriter(logFile, append: true) { AutoFlush = true });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
        }
        // Tests publish as soon as the host is up: the queues must be bound by then.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(30);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        configureServices?.Invoke(builder.Services);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddPipelineScheduler();
            configureBus(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigurePipelineHost(context);
                rabbit.UsePipelineScheduler();
                rabbit.ConfigureEndpoints(context);
            });
        });
        var host = builder.Build();
        // Explicitly, as the hosts' Programs do before they start.
        await host.MigrateDatabaseAsync();
        await host.StartAsync();
        return host;
    }

    public static async Task StopAndDisposeAsync(this IHost? host)
    {
        if (host is null)
            return;
        await host.StopAsync();
        host.Dispose();
    }
}
