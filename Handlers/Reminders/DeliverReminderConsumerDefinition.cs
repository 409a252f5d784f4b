using MassTransit;
using Pipeline.Messages.Reminders;

namespace Pipeline.Handlers.Reminders;

public sealed class DeliverReminderConsumerDefinition : ConsumerDefinition<DeliverReminderConsumer>
{
    public DeliverReminderConsumerDefinition() => EndpointName = ReminderQueues.DeliverReminders;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<DeliverReminderConsumer> consumer,
        IRegistrationContext context) => endpoint.UseMessageRetry(r => r.Intervals(200, 1000, 3000, 10000));
}
