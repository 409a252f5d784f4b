using System.Text.Json;
using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Domain.Realtime;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

/// <summary>
/// Tells a webhook's owner that it was disabled: a notice in their notifications list (<c>GET /api/v1/reminders</c>,
/// delivered at once) and the same <c>{"type": "reminder"}</c> frame on their realtime socket, once per disabling.
/// </summary>
public sealed class WebhookDisabledNoticeConsumer(ReminderStore reminders, RealtimeFeed feed, ILogger<WebhookDisabledNoticeConsumer> logger)
    : IConsumer<WebhookSubscriptionDisabled>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task Consume(ConsumeContext<WebhookSubscriptionDisabled> context)
    {
        var m = context.Message;
        var message = $"Your webhook {m.WebhookId} to {m.Url} was disabled: {m.Reason}. Fix the receiver, then register it again.";
        var key = $"webhook-disabled:{m.WebhookId}:{m.DisabledAt.UtcTicks}";
        var notice = await reminders.NotifyOnceAsync(m.OwnerId, message, key, async reminder =>
        {
            var frame = new NoticeFrame(reminder.Id, reminder.Message, DateTime.SpecifyKind(reminder.RemindAt, DateTimeKind.Utc),
                DateTime.SpecifyKind(reminder.DeliveredAt ?? DateTime.UtcNow, DateTimeKind.Utc), "webhook_disabled", m.WebhookId);
            await feed.AppendAsync(reminder.UserId, "reminder", JsonSerializer.Serialize(frame, Json), key);
        }, context.CancellationToken);
        if (notice is not null) logger.LogInformation("Told user {UserId} that webhook {WebhookId} was disabled", m.OwnerId, m.WebhookId);
    }

    /// <summary>A reminder frame (as <c>DeliverReminderConsumer</c> sends) with what the notice is about.</summary>
    private sealed record NoticeFrame(long ReminderId, string Message, DateTime RemindAt, DateTime DeliveredAt, string Notice, string WebhookId);
}
