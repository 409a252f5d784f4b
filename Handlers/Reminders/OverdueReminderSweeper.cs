using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Messages.Reminders;

namespace Pipeline.Handlers.Reminders;

/// <summary>
/// The safety net under the message scheduler: a reminder still undelivered well after its time (its scheduled message
/// was never stored, e.g. the edge stopped between saving the reminder and scheduling it) is sent for delivery now.
/// Delivery is idempotent, so a reminder that is merely late is still delivered once.
/// </summary>
public sealed class OverdueReminderSweeper(ReminderStore reminders, IBus bus, ILogger<OverdueReminderSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var overdue = await reminders.OverdueAsync(Grace, 100, stoppingToken);
                if (overdue.Count == 0) continue;
                var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{ReminderQueues.DeliverReminders}"));
                foreach (var id in overdue) await endpoint.Send(new DeliverReminder(id), stoppingToken);
                logger.LogWarning("Sent {Count} overdue reminders for delivery", overdue.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Overdue reminder sweep failed: {Error}", e.Message);
            }
        }
    }
}
