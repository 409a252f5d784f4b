using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Adaptive.Recommendations;

/// <summary>Seed 003: personalised next concepts, insights from the learner's events and BKT mastery, and a path.</summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress, LearningEventStore events, LearnerProfileStore profiles)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/adaptive/recommendations");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var all = await concepts.AllAsync(null, ct);
        var mine = await progress.ForUserAsync(userId, ct);
        var statuses = new LearnerStatuses(mine);
        var history = await events.ListForUserAsync(userId, null, DateTimeOffset.UtcNow.AddDays(-90), 5000, ct);
        var profile = await profiles.GetAsync(userId, ct);
        var recommender = new Recommender(all, statuses, history, profile);
        var ranked = recommender.Rank(r.Timeframe);
        var top = ranked.Take(r.Count).ToList();

        var shortTerm = top.Take(2).Select(x => x.ConceptId).ToList();
        var medium = recommender.Rank(null, shortTerm.ToHashSet()).Where(x => !shortTerm.Contains(x.ConceptId)).Take(3).Select(x => x.ConceptId).ToList();
        var byComponent = LearnerInsights.MasteryByComponent(all, mine);
        var lastWeek = history.Count(e => e.OccurredAt > DateTimeOffset.UtcNow.AddDays(-7));
        var momentum = lastWeek >= 10 ? "high" : lastWeek >= 1 ? "medium" : "low";
        var pace = profile.Pace > 1.05 ? "increase" : profile.Pace < 0.95 ? "slow_down" : momentum == "low" ? "increase" : "maintain";
        var focus = byComponent.Where(x => x.Mastery < 0.6).OrderBy(x => x.Mastery).Select(x => x.Component).Take(3).ToList();
        if (focus.Count == 0)
            focus = all.Where(c => !mine.ContainsKey(c.Id)).Select(c => c.Component ?? "general").Distinct().Take(2).ToList();
        await Send.OkAsync(new Response(top,
            new Insights(recommender.LevelName, momentum, pace,
                byComponent.Where(x => x.Mastery >= 0.6).OrderByDescending(x => x.Mastery).Select(x => x.Component).Take(3).ToList(), focus),
            new AdaptivePath(shortTerm, medium, LearnerInsights.LongTermGoal(all, statuses))), ct);
    }
}
