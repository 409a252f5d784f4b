namespace Pipeline.Messages.Reminders;

/// <summary>
/// Command, scheduled for the reminder's time: deliver it to the user's realtime feed and mark it delivered. Delivered
/// at most once whatever the number of deliveries of this message (queue <see cref="ReminderQueues.DeliverReminders"/>).
/// </summary>
public sealed record DeliverReminder(long ReminderId);
