using MassTransit;
using Pipeline.Handlers.Reminders;
using Pipeline.Handlers.Resources;

namespace Pipeline.Handlers.Platform;

/// <summary>Seed 004's work in the worker host: resources (embeddings, catalogue, recommendations) and reminders.</summary>
public static class PlatformWorkRegistration
{
    public static IHostApplicationBuilder AddPlatformWork(this IHostApplicationBuilder builder)
    {
        builder.AddResourceWork();
        builder.AddReminderWork();
        return builder;
    }

    public static IBusRegistrationConfigurator AddPlatformConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddResourceConsumers();
        bus.AddReminderDelivery();
        bus.AddConsumer<Plans.CreateStudyPlanConsumer, Plans.CreateStudyPlanConsumerDefinition>();
        return bus;
    }
}
