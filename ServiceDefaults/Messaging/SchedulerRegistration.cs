using MassTransit;

namespace Pipeline.ServiceDefaults.Messaging;

/// <summary>How a host schedules messages: through <see cref="SchedulerQueue"/>, never through the broker.</summary>
public static class SchedulerRegistration
{
    /// <summary>Registers <see cref="IMessageScheduler"/> for code outside a consumer (endpoints, background services).</summary>
    public static IBusRegistrationConfigurator AddPipelineScheduler(this IBusRegistrationConfigurator bus)
    {
        bus.AddMessageScheduler(SchedulerQueue.Address);
        return bus;
    }

    /// <summary>
    /// Gives every consume context a scheduler that sends to <see cref="SchedulerQueue"/>: saga <c>Schedule(...)</c>
    /// timeouts and <c>UseScheduledRedelivery</c> need it.
    /// </summary>
    public static void UsePipelineScheduler(this IBusFactoryConfigurator rabbit) => rabbit.UseMessageScheduler(SchedulerQueue.Address);
}
