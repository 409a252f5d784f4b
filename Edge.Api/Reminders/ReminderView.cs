using Pipeline.Domain.Platform;

namespace Pipeline.Edge.Api.Reminders;

/// <summary>A reminder with <c>delivered_at</c> (null until Handlers delivered it, at its time).</summary>
public sealed record ReminderView(long Id, string Message, DateTimeOffset RemindAt, DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt)
{
    public static ReminderView From(Reminder r) => new(r.Id, r.Message, Utc(r.RemindAt), r.DeliveredAt is { } d ? Utc(d) : null, Utc(r.CreatedAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
