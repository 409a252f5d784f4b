using System.Reflection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Operations.Broker;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Operations.Endpoints;
using Pipeline.Operations.FailedMessages;
using Pipeline.Operations.Metrics;

namespace Pipeline.Operations;

/// <summary>
/// What every host (Edge.Api and Handlers) runs for operations: its heartbeat, its message counters flushed to
/// PostgreSQL, and the heartbeat consumer (on one shared queue, so heartbeats are stored while any host is up).
/// </summary>
public static class OperationsRegistration
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder, string endpoint, Assembly hostAssembly)
    {
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new EndpointIdentity(endpoint, hostAssembly,
            provider.GetRequiredService<IOptions<OperationsOptions>>().Value.InstanceId));
        services.AddSingleton<MessageMetrics>();
        services.AddSingleton<MessageMetricsFlusher>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageMetricsFlusher>());
        services.AddHostedService<HeartbeatPublisher>();
        services.AddSingleton<BrokerConnection>();
        services.AddHttpClient<RabbitMqManagementClient>();
        services.AddSingleton<FailedMessageStore>();
        return builder;
    }

    /// <summary>Inside <c>AddMassTransit</c>: counts consumed messages and stores heartbeats.</summary>
    public static void AddOperationsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumeObserver<MessageMetricsObserver>();
        bus.AddConsumer<EndpointHeartbeatConsumer, EndpointHeartbeatConsumerDefinition>();
    }
}
