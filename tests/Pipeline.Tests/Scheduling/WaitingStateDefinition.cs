using MassTransit;

namespace Pipeline.Tests.Scheduling;

public sealed class WaitingStateDefinition : SagaDefinition<WaitingState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<WaitingState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Immediate(2));
        // Schedule and unschedule leave only after the saga row committed.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
