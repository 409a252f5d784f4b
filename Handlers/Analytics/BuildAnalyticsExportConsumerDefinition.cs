using MassTransit;
using Pipeline.Messages.Analytics;

namespace Pipeline.Handlers.Analytics;

public sealed class BuildAnalyticsExportConsumerDefinition : ConsumerDefinition<BuildAnalyticsExportConsumer>
{
    public BuildAnalyticsExportConsumerDefinition()
    {
        EndpointName = AnalyticsQueues.Exports;
        ConcurrentMessageLimit = 2; // building a file is CPU work: two at a time per worker
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<BuildAnalyticsExportConsumer> consumer,
        IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
}
