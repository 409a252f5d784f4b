using MassTransit;

namespace Pipeline.Tests.Scheduling;

public sealed class FlakyWorkConsumerDefinition : ConsumerDefinition<FlakyWorkConsumer>
{
    public const string Queue = "flaky-work";

    public FlakyWorkConsumerDefinition() => EndpointName = Queue;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<FlakyWorkConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseScheduledRedelivery(r => r.Intervals(300, 300, 300));
    }
}
