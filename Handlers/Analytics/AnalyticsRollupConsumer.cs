using System.Globalization;
using MassTransit;
using Pipeline.Domain.Analytics;
using Pipeline.Domain.LearningEvents;
using Pipeline.Messages.Learning;

namespace Pipeline.Handlers.Analytics;

/// <summary>
/// Keeps the analytics rollups current from the learning events on the bus; each event is folded in once. A completion's
/// time spent, component and milestone come from the learning event the learning core appended with it, when present.
/// </summary>
public sealed class AnalyticsRollupConsumer(AnalyticsRollupStore rollups, LearningEventStore learningEvents) :
    IConsumer<ConceptCompleted>, IConsumer<ExerciseSubmitted>, IConsumer<MilestoneAchieved>
{
    public async Task Consume(ConsumeContext<ConceptCompleted> context)
    {
        var m = context.Message;
        var conceptId = m.ConceptId.ToString(CultureInfo.InvariantCulture);
        var recent = await learningEvents.ListForUserAsync(m.UserId, "concept", m.CompletedAt.AddDays(-1), 50, context.CancellationToken);
        var recorded = recent.FirstOrDefault(e => e.Verb == "completed" && e.ObjectId == conceptId);
        string? Context(string key) => recorded?.Context?[key]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? recorded.Context[key]!.GetValue<string>() : null;
        await rollups.ApplyConceptCompletedAsync($"concept.completed:{m.UserId}:{m.ConceptId}:{m.CompletedAt.UtcTicks}",
            new AnalyticsRollupStore.CompletedConcept(m.UserId, m.ConceptId, m.Title, m.MasteryScore, m.CompletedAt, recorded?.DurationSeconds,
                Context("component"), Context("milestone")), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ExerciseSubmitted> context)
    {
        var m = context.Message;
        return rollups.ApplyExerciseSubmittedAsync($"exercise.submitted:{m.UserId}:{m.ExerciseId}:{m.SubmittedAt.UtcTicks}", m.UserId, m.ConceptId,
            Math.Clamp(m.Score, 0, 1), m.Passed, m.SubmittedAt, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<MilestoneAchieved> context)
    {
        var m = context.Message;
        return rollups.ApplyMilestoneAchievedAsync($"milestone.achieved:{m.UserId}:{m.Milestone}", m.UserId, m.Milestone, m.AchievedAt,
            context.CancellationToken);
    }
}
