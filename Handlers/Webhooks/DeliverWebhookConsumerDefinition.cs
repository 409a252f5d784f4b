using MassTransit;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

public sealed class DeliverWebhookConsumerDefinition : ConsumerDefinition<DeliverWebhookConsumer>
{
    public DeliverWebhookConsumerDefinition()
    {
        EndpointName = WebhookQueues.Deliveries;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<DeliverWebhookConsumer> consumer,
        IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
}
