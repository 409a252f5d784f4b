using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Handlers.Webhooks;

public static class WebhookServiceRegistration
{
    /// <summary>Webhook delivery in the worker host: fan-out of bus events, attempts with retries, the struggle rule, the owner's notice of a disabled webhook.</summary>
    public static IBusRegistrationConfigurator AddWebhookDelivery(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddSingleton<WebhookSender>();
        bus.AddSingleton<WebhookFanOut>();
        bus.AddSingleton<StruggleStore>();
        bus.AddConsumer<WebhookEventConsumer, WebhookEventConsumerDefinition>();
        bus.AddConsumer<DeliverWebhookConsumer, DeliverWebhookConsumerDefinition>();
        bus.AddConsumer<StruggleDetector, StruggleDetectorDefinition>();
        bus.AddConsumer<WebhookDisabledNoticeConsumer, WebhookDisabledNoticeConsumerDefinition>();
        return bus;
    }
}
