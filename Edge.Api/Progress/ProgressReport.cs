using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Adaptive;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Progress;

/// <summary>
/// Seed 003's progress report, computed from the learner's <c>learning_events</c>: a concept's state is its latest
/// concept event in the period (started: in progress; completed: completed, or mastered when the event succeeded).
/// Strengths use the BKT mastery per component.
/// </summary>
public sealed class ProgressReport(ConceptStore concepts, ConceptProgressStore progress, LearningEventStore events, LearnerProfileStore profiles)
{
    public static readonly string[] Timeframes = ["week", "month", "quarter", "year", "all"];

    public async Task<ProgressResponse> BuildAsync(long userId, string timeframe, string? milestone, CancellationToken ct)
    {
        var since = timeframe switch
        {
            "week" => DateTimeOffset.UtcNow.AddDays(-7),
            "month" => DateTimeOffset.UtcNow.AddMonths(-1),
            "quarter" => DateTimeOffset.UtcNow.AddMonths(-3),
            "year" => DateTimeOffset.UtcNow.AddYears(-1),
            _ => (DateTimeOffset?)null,
        };
        var all = await concepts.AllAsync(null, ct);
        var inScope = milestone is null ? all : all.Where(c => c.Milestone == milestone).ToList();
        var scopeIds = inScope.Select(c => c.Id).ToHashSet();
        var history = await events.ListForUserAsync(userId, null, since, 20_000, ct);
        var conceptEvents = history.Where(e => e.ObjectType == "concept" && e.Verb is "started" or "completed" or "abandoned")
            .Select(e => (Event: e, Id: long.TryParse(e.ObjectId, out var id) ? id : 0)).Where(x => scopeIds.Contains(x.Id)).ToList();
        // Events are newest first: the first per concept is its latest state.
        var latest = conceptEvents.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Event);
        var completed = latest.Where(x => x.Value.Verb == "completed").Select(x => x.Key).ToHashSet();
        var mastered = latest.Where(x => x.Value.Verb == "completed" && x.Value.Success == true).Select(x => x.Key).ToHashSet();
        var inProgress = latest.Count(x => x.Value.Verb == "started");
        double Percent(int n, int of) => of == 0 ? 0 : Math.Round(100.0 * n / of, 1);

        var completions = history.Where(e => e.ObjectType == "concept" && e.Verb == "completed").ToList();
        var now = DateTimeOffset.UtcNow;
        var weeks = since is { } s ? Math.Max(1, (now - s).TotalDays / 7)
            : Math.Max(1, history.Count == 0 ? 1 : (now - history.Min(e => e.OccurredAt ?? now)).TotalDays / 7);
        var perWeek = Math.Round(completions.Count / weeks, 2);
        var hours = history.Where(e => e.Verb is "completed" or "submitted").Sum(e => e.DurationSeconds ?? 0) / 3600.0;
        var recent = completions.Count(e => e.OccurredAt > now.AddDays(-14));
        var before = completions.Count(e => e.OccurredAt <= now.AddDays(-14) && e.OccurredAt > now.AddDays(-28));
        var trend = recent > before ? "increasing" : recent < before ? "decreasing" : "stable";

        var byId = all.ToDictionary(c => c.Id);
        var milestones = inScope.Where(c => c.Milestone is not null).GroupBy(c => c.Milestone!).OrderBy(g => g.Min(c => c.Id)).Select(g =>
        {
            var done = g.Count(c => completed.Contains(c.Id));
            var remaining = g.Count() - done;
            string? eta = remaining == 0 ? now.ToString("yyyy-MM-dd")
                : perWeek > 0 ? now.AddDays(7 * remaining / perWeek).ToString("yyyy-MM-dd") : null;
            return new MilestoneProgress(g.Key, g.Count(), done, Percent(done, g.Count()), eta);
        }).ToList();

        var activity = history.Where(e => e.ObjectType == "concept" && long.TryParse(e.ObjectId, out var id) && byId.ContainsKey(id))
            .Take(10)
            .Select(e => new Activity(long.Parse(e.ObjectId), byId[long.Parse(e.ObjectId)].Title, e.Verb, e.OccurredAt ?? now, e.DurationSeconds ?? 0))
            .ToList();

        var mine = await progress.ForUserAsync(userId, ct);
        var strengths = LearnerInsights.MasteryByComponent(inScope, mine).Where(x => x.Mastery >= 0.5).Take(3)
            .Select(x => new Strength(x.Component, x.Mastery, x.Mastered)).ToList();
        var recommender = new Recommender(all, new LearnerStatuses(mine), history, await profiles.GetAsync(userId, ct));
        var recommendations = recommender.Rank(null).Where(r => milestone is null || scopeIds.Contains(r.ConceptId)).Take(3)
            .Select(r => new ProgressRecommendation(r.ConceptId, r.Title, r.Reason, r.DifficultyMatch)).ToList();

        return new ProgressResponse(userId.ToString(), new Overall(inScope.Count, completed.Count, mastered.Count, inProgress,
                Percent(completed.Count, inScope.Count), Percent(mastered.Count, inScope.Count)),
            milestones, activity, new Velocity(perWeek, Math.Round(hours / weeks, 2), trend), strengths, recommendations);
    }
}
