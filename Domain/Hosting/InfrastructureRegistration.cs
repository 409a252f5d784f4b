using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Domain.Database;
using Pipeline.Domain.LearningPaths;
using Pipeline.Domain.Messaging;
using Pipeline.Domain.Tasks;
using StackExchange.Redis;

namespace Pipeline.Domain.Hosting;

/// <summary>What both hosts need: PostgreSQL (migrated at start-up), Redis and the RabbitMQ connection settings.</summary>
public static class InfrastructureRegistration
{
    public static IHostApplicationBuilder AddPipelineInfrastructure(this IHostApplicationBuilder builder)
    {
        // MassTransit 8.4 reports usage to an internet host unless told not to; this machine must never try.
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");

        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<MigrateDatabaseOnStart>();

        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = ConfigurationOptions.Parse(services.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);
            // Redis is a cache: the service must start and keep answering from PostgreSQL while it is down.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton<ITaskStatusCache, RedisTaskStatusCache>();
        builder.Services.AddSingleton<TaskStatusRepository>();
        builder.Services.AddSingleton<TaskStatusReader>();
        builder.Services.AddSingleton<TaskCancellation>();
        builder.Services.AddSingleton<LearningPathWriter>();
        builder.Services.AddSingleton<CardWriter>();
        builder.Services.AddSingleton<LearningPathReader>();
        return builder;
    }

    public static void ConfigurePipelineHost(this IRabbitMqBusFactoryConfigurator bus, IBusRegistrationContext context)
    {
        var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        bus.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
        {
            host.Username(options.Username);
            host.Password(options.Password);
            host.ConnectionName(AppDomain.CurrentDomain.FriendlyName);
        });
    }
}
