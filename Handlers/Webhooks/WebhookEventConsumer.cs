using System.Globalization;
using System.Text.Json.Nodes;
using MassTransit;
using Pipeline.Domain.LearningEvents;
using Pipeline.Domain.Webhooks;
using Pipeline.Messages.Analytics;
using Pipeline.Messages.Learning;
using Pipeline.Messages.Webhooks;

namespace Pipeline.Handlers.Webhooks;

/// <summary>The bus events that webhooks carry, each mapped to the seed's event name and data.</summary>
public sealed class WebhookEventConsumer(WebhookFanOut fanOut, LearningEventStore learningEvents) :
    IConsumer<ConceptCompleted>, IConsumer<MilestoneAchieved>, IConsumer<UserStruggled>, IConsumer<ExportCompleted>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task Consume(ConsumeContext<ConceptCompleted> context)
    {
        var m = context.Message;
        await fanOut.PublishAsync(context, WebhookEvents.ConceptCompleted, $"{WebhookEvents.ConceptCompleted}:{m.UserId}:{m.ConceptId}:{m.CompletedAt.UtcTicks}",
            m.CompletedAt, new JsonObject
            {
                ["user_id"] = Id(m.UserId),
                ["concept_id"] = m.ConceptId,
                ["title"] = m.Title,
                ["mastery_score"] = m.MasteryScore,
                ["time_spent"] = await TimeSpentAsync(m, context.CancellationToken),
            });
    }

    public Task Consume(ConsumeContext<MilestoneAchieved> context)
    {
        var m = context.Message;
        return fanOut.PublishAsync(context, WebhookEvents.MilestoneAchieved, $"{WebhookEvents.MilestoneAchieved}:{m.UserId}:{m.Milestone}", m.AchievedAt,
            new JsonObject { ["user_id"] = Id(m.UserId), ["milestone"] = m.Milestone, ["achieved_at"] = m.AchievedAt.UtcDateTime });
    }

    public Task Consume(ConsumeContext<UserStruggled> context)
    {
        var m = context.Message;
        return fanOut.PublishAsync(context, WebhookEvents.UserStruggled, $"{WebhookEvents.UserStruggled}:{m.UserId}:{m.ConceptId}:{m.DetectedAt.UtcTicks}",
            m.DetectedAt, new JsonObject
            {
                ["user_id"] = Id(m.UserId),
                ["concept_id"] = m.ConceptId,
                ["failed_attempts"] = m.FailedAttempts,
                ["last_score"] = m.LastScore,
            });
    }

    /// <summary>Only to the requester's own subscriptions: an export is theirs.</summary>
    public Task Consume(ConsumeContext<ExportCompleted> context)
    {
        var m = context.Message;
        return fanOut.PublishAsync(context, WebhookEvents.ExportCompleted, $"{WebhookEvents.ExportCompleted}:{m.ExportId}", m.CompletedAt, new JsonObject
        {
            ["user_id"] = Id(m.UserId),
            ["export_id"] = m.ExportId,
            ["report_type"] = m.ReportType,
            ["format"] = m.Format,
            ["status"] = "completed",
            ["download_url"] = $"/api/learntrac/v1/analytics/export/{m.ExportId}/download",
        }, onlyOwner: m.UserId);
    }

    /// <summary>The seed's time_spent: the duration the learning core recorded with the completion, when it did.</summary>
    private async Task<int?> TimeSpentAsync(ConceptCompleted m, CancellationToken ct)
    {
        var recent = await learningEvents.ListForUserAsync(m.UserId, "concept", m.CompletedAt.AddDays(-1), 50, ct);
        return recent.FirstOrDefault(e => e.Verb == "completed" && e.ObjectId == Id(m.ConceptId))?.DurationSeconds;
    }
}
