using MassTransit;
using Pipeline.Messages.Resources;

namespace Pipeline.Handlers.Resources;

public sealed class RecommendResourcesConsumerDefinition : ConsumerDefinition<RecommendResourcesConsumer>
{
    public RecommendResourcesConsumerDefinition()
    {
        EndpointName = ResourceQueues.RecommendResources;
        ConcurrentMessageLimit = 4;
    }
}
