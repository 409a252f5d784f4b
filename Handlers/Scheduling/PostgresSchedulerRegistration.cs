using MassTransit;
using Pipeline.ServiceDefaults.Messaging;

namespace Pipeline.Handlers.Scheduling;

public static class PostgresSchedulerRegistration
{
    /// <summary>
    /// Runs the message scheduler in this host: consumers on <see cref="SchedulerQueue"/> that keep scheduled messages
    /// in PostgreSQL, and the poller that sends them when due. Safe to run in several instances at once.
    /// </summary>
    public static IBusRegistrationConfigurator AddPostgresMessageScheduler(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddConsumer<ScheduleMessageConsumer>(RetryDatabaseHiccups).Endpoint(endpoint => endpoint.Name = SchedulerQueue.Name);
        bus.AddConsumer<CancelScheduledMessageConsumer>(RetryDatabaseHiccups).Endpoint(endpoint => endpoint.Name = SchedulerQueue.Name);
        bus.AddHostedService<ScheduledMessagePoller>();
        return bus;
    }

    private static void RetryDatabaseHiccups<TConsumer>(IRegistrationContext context, IConsumerConfigurator<TConsumer> consumer) where TConsumer : class =>
        consumer.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
}
