using MassTransit;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

public sealed class StruggleDetectorDefinition : ConsumerDefinition<StruggleDetector>
{
    public StruggleDetectorDefinition() => EndpointName = WebhookQueues.Struggles;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<StruggleDetector> consumer,
        IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
}
