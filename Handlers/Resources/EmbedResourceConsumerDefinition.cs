using MassTransit;
using Pipeline.Messages.Resources;

namespace Pipeline.Handlers.Resources;

public sealed class EmbedResourceConsumerDefinition : ConsumerDefinition<EmbedResourceConsumer>
{
    public EmbedResourceConsumerDefinition()
    {
        EndpointName = ResourceQueues.EmbedResources;
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<EmbedResourceConsumer> consumer,
        IRegistrationContext context) => endpoint.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
}
