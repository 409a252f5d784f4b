using MassTransit;

namespace Pipeline.Tests.Persistence;

public sealed class CounterStateDefinition : SagaDefinition<CounterState>
{
    public const int Retries = 2;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CounterState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Immediate(Retries));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
