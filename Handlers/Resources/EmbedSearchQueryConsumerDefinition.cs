using MassTransit;
using Pipeline.Messages.Resources;

namespace Pipeline.Handlers.Resources;

public sealed class EmbedSearchQueryConsumerDefinition : ConsumerDefinition<EmbedSearchQueryConsumer>
{
    public EmbedSearchQueryConsumerDefinition()
    {
        EndpointName = ResourceQueues.EmbedSearchQueries;
        ConcurrentMessageLimit = 4;
    }
}
