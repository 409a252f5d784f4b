using FastEndpoints;
using Pipeline.Domain.Analytics;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Analytics.Dashboard;

/// <summary>
/// Seed 003's dashboard from the rollups: cohort-wide for instructors (or one learner with <c>user_id</c>), a learner's
/// own for students. Trends compare the timeframe with the one before it.
/// </summary>
public sealed class Endpoint(AnalyticsRollupStore rollups, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/analytics/dashboard");
        Description(d => d.WithTags("LearnTrac analytics").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        long? userId = User.IsInstructor() ? request.UserId : request.UserId ?? User.UserId();
        if (userId is { } someone) User.EnsureMayView(someone);
        var days = Timeframes.Days[request.Timeframe];
        var now = clock.GetUtcNow();
        var from = now.AddDays(-(days - 1));
        // Four independent queries, each on its own pooled connection: PostgreSQL runs them side by side, so the answer
        // waits for the slowest, not for their sum (./bench.sh analytics).
        var periodsQuery = rollups.PeriodsAsync(from.AddDays(-days), from, now, userId, ct);
        var topQuery = rollups.TopConceptsAsync(from, now, userId, 5, ct);
        var strugglingQuery = rollups.StrugglingAsync(from, now, userId, userId is null ? 3 : 2, 0.3, 5, ct);
        var pathsQuery = rollups.SuccessfulPathsAsync(userId, 3, ct);
        await Task.WhenAll(periodsQuery, topQuery, strugglingQuery, pathsQuery);
        var (periods, top, struggling, paths) = (periodsQuery.Result, topQuery.Result, strugglingQuery.Result, pathsQuery.Result);
        var current = periods.FirstOrDefault(p => p.Current) ?? new PeriodSummary(true, 0, 0, 0, 0, 0, 0);
        var previous = periods.FirstOrDefault(p => !p.Current) ?? new PeriodSummary(false, 0, 0, 0, 0, 0, 0);

        await Send.OkAsync(new Response(
            userId is null ? "cohort" : "learner", userId?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Timeframe,
            new Summary(current.ActiveLearners, current.Completions, current.Completions == 0 ? null : Math.Round(current.MasterySum / current.Completions, 2),
                Math.Round(current.LearningSeconds / 3600.0, 1)),
            new Trends(Trend(CompletionRate(current), CompletionRate(previous)), Trend(Engagement(current, days), Engagement(previous, days))),
            top.Select(t => new TopConceptItem(t.ConceptId, t.Title, t.Completions, t.AverageTime is { } s ? (long)Math.Round(s) : null,
                t.AverageScore is { } a ? Math.Round(a, 2) : null)).ToList(),
            struggling.Select(s => new StrugglingArea(s.ConceptId, s.Title, Math.Round(s.FailureRate, 2), Math.Round(s.AverageAttempts, 1), [])).ToList(),
            new LearningPaths(paths.Select(p => new PathItem(p.Path, Math.Round(p.SuccessRate, 2), p.AverageTime is { } t ? (long)Math.Round(t) : null,
                p.Learners)).ToList())), ct);
    }

    /// <summary>Share of the period's active learners who completed at least one concept.</summary>
    private static double CompletionRate(PeriodSummary p) => p.ActiveLearners == 0 ? 0 : Math.Round((double)p.LearnersCompleting / p.ActiveLearners, 2);

    /// <summary>Share of the period's days an active learner was active, on average.</summary>
    private static double Engagement(PeriodSummary p, int days) => p.ActiveLearners == 0 ? 0 : Math.Round((double)p.ActiveDays / (p.ActiveLearners * days), 2);

    private static Trend Trend(double current, double previous) =>
        new(current, previous, previous == 0 ? null : Math.Round((current - previous) / previous * 100, 1));
}
