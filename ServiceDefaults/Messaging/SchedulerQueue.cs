namespace Pipeline.ServiceDefaults.Messaging;

/// <summary>
/// The queue where <c>ScheduleMessage</c>/<c>CancelScheduledMessage</c> go. The broker has no delayed delivery, so every
/// delayed send (saga timeouts, scheduled redelivery, rate-limit backoffs) travels through this queue to the Handlers
/// host, which keeps the messages in PostgreSQL until they are due.
/// </summary>
public static class SchedulerQueue
{
    public const string Name = "scheduler";

    public static Uri Address { get; } = new($"queue:{Name}");
}
