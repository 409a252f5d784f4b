using MassTransit;

namespace Pipeline.Handlers.Analytics;

public sealed class AnalyticsRollupConsumerDefinition : ConsumerDefinition<AnalyticsRollupConsumer>
{
    public const string Queue = "analytics-rollups";

    public AnalyticsRollupConsumerDefinition() => EndpointName = Queue;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<AnalyticsRollupConsumer> consumer,
        IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
}
