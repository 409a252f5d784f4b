using MassTransit;

namespace Pipeline.Handlers.Reminders;

public static class RemindersRegistration
{
    public static IHostApplicationBuilder AddReminderWork(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<OverdueReminderSweeper>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddReminderDelivery(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DeliverReminderConsumer, DeliverReminderConsumerDefinition>();
        return bus;
    }
}
