using MassTransit;

namespace Pipeline.Handlers.Webhooks;

public sealed class WebhookDisabledNoticeConsumerDefinition : ConsumerDefinition<WebhookDisabledNoticeConsumer>
{
    public WebhookDisabledNoticeConsumerDefinition() => EndpointName = "webhook-disabled-notices";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<WebhookDisabledNoticeConsumer> consumer,
        IRegistrationContext context) => endpoint.UseMessageRetry(r => r.Intervals(200, 1000, 5000));
}
