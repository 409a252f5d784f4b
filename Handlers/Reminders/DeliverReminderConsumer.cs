using System.Text.Json;
using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Domain.Realtime;
using Pipeline.Messages.Reminders;
using Pipeline.Domain.Database;

namespace Pipeline.Handlers.Reminders;

/// <summary>
/// Delivers a due reminder exactly once: <c>delivered_at</c> is set in the transaction that appends the
/// <c>{"type": "reminder"}</c> frame to the user's realtime feed; the frame carries a once-key, so even a crash between
/// the append and the commit cannot show it twice.
/// </summary>
public sealed class DeliverReminderConsumer(ReminderStore reminders, RealtimeFeed feed, ILogger<DeliverReminderConsumer> logger) : IConsumer<DeliverReminder>
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public async Task Consume(ConsumeContext<DeliverReminder> context)
    {
        var delivered = await reminders.DeliverOnceAsync(context.Message.ReminderId, async reminder =>
        {
            var frame = new ReminderFrame(reminder.Id, reminder.Message, DateTime.SpecifyKind(reminder.RemindAt, DateTimeKind.Utc),
                DateTime.SpecifyKind(reminder.DeliveredAt ?? DateTime.UtcNow, DateTimeKind.Utc));
            await feed.AppendAsync(reminder.UserId, "reminder", JsonSerializer.Serialize(frame, Json), $"reminder:{reminder.Id}");
        }, context.CancellationToken);
        if (delivered is not null)
            logger.LogInformation("Reminder {ReminderId} delivered to user {UserId}", delivered.Id, delivered.UserId);
    }

    private sealed record ReminderFrame(long ReminderId, string Message, DateTime RemindAt, DateTime DeliveredAt);
}
