using Pipeline.Domain.LearningEvents;

namespace Pipeline.Edge.Api.Concepts;

/// <summary>Achievements that depend on the learner's history in <c>learning_events</c>.</summary>
public static class LearningStreaks
{
    /// <summary>Consecutive days (UTC) with at least one learning event, ending today.</summary>
    public static async Task<int> CurrentStreakDaysAsync(LearningEventStore events, long userId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var recent = await events.ListForUserAsync(userId, null, DateTimeOffset.UtcNow.AddDays(-60), 5000, ct);
        var days = recent.Where(e => e.OccurredAt is not null).Select(e => DateOnly.FromDateTime(e.OccurredAt!.Value.UtcDateTime)).ToHashSet();
        var streak = 0;
        while (days.Contains(today.AddDays(-streak))) streak++;
        return streak;
    }
}
