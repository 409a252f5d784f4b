namespace Pipeline.Messages.Reminders;

public static class ReminderQueues
{
    /// <summary>Accepts <see cref="DeliverReminder"/>.</summary>
    public const string DeliverReminders = "deliver-reminders";
}
