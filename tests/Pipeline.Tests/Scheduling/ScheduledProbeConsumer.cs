using MassTransit;

namespace Pipeline.Tests.Scheduling;

public sealed class ScheduledProbeConsumer(DeliveryLog log) : IConsumer<ScheduledProbe>
{
    public const string Queue = "scheduled-probe";
    public static readonly Uri Address = new($"queue:{Queue}");

    public Task Consume(ConsumeContext<ScheduledProbe> context)
    {
        log.Deliveries.Enqueue(new DeliveryLog.Delivery(context.Message.ProbeId, DateTime.UtcNow));
        return Task.CompletedTask;
    }
}
