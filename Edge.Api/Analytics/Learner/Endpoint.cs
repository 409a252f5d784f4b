using System.Globalization;
using FastEndpoints;
using Pipeline.Domain.Analytics;

namespace Pipeline.Edge.Api.Analytics.Learner;

/// <summary>
/// Seed 003's learner analytics (instructor, or the learner themself), from the rollups. What is not recorded is not
/// invented: learning style and resource preferences stay empty, next concepts are the adaptive engine's to give.
/// </summary>
public sealed class Endpoint(AnalyticsRollupStore rollups, TimeProvider clock) : Endpoint<Request, Response>
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public override void Configure()
    {
        Get("/api/learntrac/v1/analytics/learner/{user_id}");
        Description(d => d.WithTags("LearnTrac analytics").ProducesProblem(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        User.EnsureMayView(request.UserId);
        var now = clock.GetUtcNow();
        var totals = await rollups.LearnerTotalsAsync(request.UserId, now, ct);
        var activity = await rollups.LearnerActivityAsync(request.UserId, ct) ?? new LearnerActivity();
        var groups = await rollups.LearnerGroupsAsync(request.UserId, ct);
        var struggling = await rollups.StrugglingAsync(now, now, request.UserId, 2, 0.5, 3, ct);

        var components = groups.Where(g => g.Kind == "component" && g.Completions > 0)
            .Select(g => (g.Name, Mastery: g.MasterySum / g.Completions)).OrderByDescending(c => c.Mastery).ToList();
        double? successRate = totals.Submissions == 0 ? null : Math.Round((double)totals.Passed / totals.Submissions, 2);
        var conceptsPerWeek = Math.Round(totals.RecentCompletions / 4.0, 1);

        var focus = struggling.Select(s => $"review prerequisites of {s.Title ?? $"concept {s.ConceptId}"}").ToList();
        if (successRate < 0.7) focus.Add("practice more exercises");
        if (totals.RecentCompletions == 0 && totals.Completions > 0) focus.Add("resume regular study sessions");
        var pace = successRate < 0.6 ? "decrease" : totals.RecentCompletions < totals.EarlierCompletions || totals.RecentCompletions == 0 ? "increase" : "maintain";

        await Send.OkAsync(new Response(
            request.UserId.ToString(CultureInfo.InvariantCulture),
            new LearningProfile(PreferredTime(activity.Hours),
                totals.Completions == 0 || totals.LearningSeconds == 0 ? null : (long)Math.Round(totals.LearningSeconds / 60.0 / totals.Completions),
                null,
                components.Where(c => c.Mastery >= 0.8).Take(3).Select(c => c.Name).ToList(),
                components.Where(c => c.Mastery < 0.7).OrderBy(c => c.Mastery).Take(3).Select(c => c.Name).ToList()),
            new PerformanceMetrics(totals.Completions == 0 ? null : Math.Round(totals.MasterySum / totals.Completions, 2), conceptsPerWeek, successRate,
                totals.Submissions == 0 ? null : Math.Round(totals.ScoreSum / totals.Submissions, 2)),
            new EngagementPatterns(
                activity.Weekdays.Select((count, day) => (count, day)).Where(d => d.count > 0).OrderByDescending(d => d.count).ThenBy(d => d.day)
                    .Take(2).Select(d => DayNames[d.day]).ToList(),
                activity.Hours.Select((count, hour) => (count, hour)).Where(h => h.count > 0).OrderByDescending(h => h.count).ThenBy(h => h.hour)
                    .Take(2).Select(h => $"{h.hour:00}:00").ToList(),
                new Dictionary<string, double>()),
            groups.Where(g => g.Kind == "milestone").Select(g => new MilestoneProgress(g.Name,
                g.FirstAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, g.AchievedAt is null ? null : 1.0,
                g.AchievedAt is not null || g.LastAt > now.UtcDateTime.AddDays(-14), g.AchievedAt)).ToList(),
            new Recommendations([], pace, focus)), ct);
    }

    /// <summary>When (UTC) the learner is most active: morning 05-11, afternoon 12-16, evening 17-21, night 22-04.</summary>
    private static string? PreferredTime(int[] hours)
    {
        if (hours.Sum() == 0) return null;
        var buckets = new (string Name, int Count)[]
        {
            ("morning", hours[5..12].Sum()), ("afternoon", hours[12..17].Sum()), ("evening", hours[17..22].Sum()),
            ("night", hours[22..].Sum() + hours[..5].Sum()),
        };
        return buckets.MaxBy(b => b.Count).Name;
    }
}
