using MassTransit;

namespace Pipeline.Operations.Endpoints;

public sealed class EndpointHeartbeatConsumerDefinition : ConsumerDefinition<EndpointHeartbeatConsumer>
{
    public const string Queue = "endpoint-heartbeats";

    public EndpointHeartbeatConsumerDefinition() => EndpointName = Queue;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<EndpointHeartbeatConsumer> consumer,
        IRegistrationContext context)
    {
        // A heartbeat is worth little once the next one is due; a short retry covers a database hiccup.
        endpoint.UseMessageRetry(r => r.Interval(3, TimeSpan.FromMilliseconds(200)));
    }
}
