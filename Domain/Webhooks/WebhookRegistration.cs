using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Webhooks;

public static class WebhookRegistration
{
    /// <summary>What both hosts need for webhooks: settings, the target policy and the stores.</summary>
    public static IServiceCollection AddWebhookData(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Delays.All(d => d > TimeSpan.Zero), "Webhooks:RetryDelays must be positive TimeSpans, comma-separated.")
            .ValidateOnStart();
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<WebhookSubscriptionStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        return services;
    }
}
