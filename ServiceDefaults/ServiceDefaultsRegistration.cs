using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Pipeline.ServiceDefaults;

/// <summary>
/// The host wiring both hosts share (the role of eShop's ServiceDefaults): telemetry, the PostgreSQL data source, the
/// RabbitMQ connection settings and the bus watchdog, and Redis. No feature and no table here:
/// the data access per feature is in Domain (<c>AddPipelineData</c>), each host composes both in its one entry point
/// (Edge.Api/Hosting/EdgeApiRegistration.cs, Handlers/Hosting/HandlersRegistration.cs).
/// </summary>
public static class ServiceDefaultsRegistration
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // MassTransit 8.4 reports usage to an internet host unless told not to; this machine must never try.
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
        builder.AddLogLevelDefaults();
        builder.AddPipelineTelemetry();

        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        builder.Services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString);
            // Npgsql resets every pooled connection when it is handed out again (DISCARD ALL or its equivalent): one
            // extra statement per use, ~40 per generated path (pg_stat_statements, bench.sh). Nothing here leaves session
            // state behind (no SET, LISTEN, temporary tables or session-level locks; advisory locks are transaction-
            // scoped), so there is nothing to reset. A connection string may still ask for it.
            // Npgsql accepts "No Reset On Close" and "NoResetOnClose" alike: compare without spaces.
            var written = connectionString.Replace(" ", "", StringComparison.Ordinal);
            if (!written.Contains("ResetOnClose", StringComparison.OrdinalIgnoreCase))
                dataSource.ConnectionStringBuilder.NoResetOnClose = true;
            // Automatic statement preparation stays OFF (Npgsql's default), although it saved PostgreSQL parsing and planning
            // (bench.sh: bus-rate ratio 0.098 -> 0.123, PostgreSQL CPU per bus message -4 to -9%). With Npgsql 10.0.3, a
            // statement that fails in the very execution that prepares it (here a NUL byte; a value too long in the upstream
            // report) can leave that pooled connection's copy of the statement without its row description: the next
            // caller to run the same SQL on it gets "Received unexpected backend message DataRow" although its statement
            // committed (npgsql/npgsql#6391, open; reproduced by tests/Pipeline.Tests/Security/
            // A_failed_statement_and_pooled_connections.cs). One user's bad input must not fail another's request. A
            // connection string may still turn it on ("Max Auto Prepare=64;Auto Prepare Min Usages=2").
            return dataSource.Build();
        });

        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(BusConnectionName.ForThisInstance());
        // Registered before the bus, so it sees every endpoint start; it stops after the bus (whose endpoints then complete).
        builder.Services.AddSingleton<ReceiveEndpointWatchdog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReceiveEndpointWatchdog>());
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var configuration = services.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration;
            var options = ConfigurationOptions.Parse(configuration);
            // Redis is a cache: the service must start and keep answering from PostgreSQL while it is down.
            options.AbortOnConnectFail = false;
            // Defaults for what Redis:Configuration leaves out ("127.0.0.1:6379,syncTimeout=500" sets its own).
            if (!Mentions(configuration, "connectTimeout")) options.ConnectTimeout = 2000;
            // The time any cache call may take: a status read from PostgreSQL takes milliseconds, so waiting longer on
            // an unresponsive Redis only slows every poll. Async calls time out after the same time, checked every
            // 200 ms (the default heartbeat checks once a second: a paused Redis would hold a poll up to 1.25 s), and
            // fail at once while disconnected instead of queuing for the reconnect (RedisTaskStatusCache).
            if (!Mentions(configuration, "syncTimeout")) options.SyncTimeout = 250;
            if (!Mentions(configuration, "asyncTimeout")) options.AsyncTimeout = options.SyncTimeout;
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        return builder;
    }

    private static bool Mentions(string redisConfiguration, string option) =>
        redisConfiguration.Split(',').Any(part => part.Trim().StartsWith(option + "=", StringComparison.OrdinalIgnoreCase));

    public static void ConfigurePipelineHost(this IRabbitMqBusFactoryConfigurator bus, IBusRegistrationContext context)
    {
        var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        bus.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
        {
            host.Username(options.Username);
            host.Password(options.Password);
            host.ConnectionName(context.GetRequiredService<BusConnectionName>().Value);
        });
    }
}
