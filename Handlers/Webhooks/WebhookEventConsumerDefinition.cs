using MassTransit;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

public sealed class WebhookEventConsumerDefinition : ConsumerDefinition<WebhookEventConsumer>
{
    public WebhookEventConsumerDefinition() => EndpointName = WebhookQueues.Events;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<WebhookEventConsumer> consumer,
        IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
}
