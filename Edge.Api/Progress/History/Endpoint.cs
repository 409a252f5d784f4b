using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Progress.History;

/// <summary>Seed 003: the caller's learning events by day, week (from Monday) or month; the last 30 days by default.</summary>
public sealed class Endpoint(LearningEventStore events) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/progress/history");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var end = r.EndDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var start = r.StartDate ?? end.AddDays(-29);
        var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var inRange = (await events.ListForUserAsync(User.UserId(), null, since, 50_000, ct))
            .Where(e => e.OccurredAt < until && e.OccurredAt >= since).ToList();

        DateOnly BucketOf(DateOnly day) => r.Granularity switch
        {
            "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            "month" => new DateOnly(day.Year, day.Month, 1),
            _ => day,
        };
        var buckets = new List<DateOnly>();
        for (var b = BucketOf(start); b <= end; b = r.Granularity switch { "week" => b.AddDays(7), "month" => b.AddMonths(1), _ => b.AddDays(1) })
            buckets.Add(b);
        var grouped = inRange.GroupBy(e => BucketOf(DateOnly.FromDateTime(e.OccurredAt!.Value.UtcDateTime))).ToDictionary(g => g.Key, g => g.ToList());
        var history = buckets.Select(b =>
        {
            var list = grouped.GetValueOrDefault(b) ?? [];
            var quizzes = list.Where(e => e.ObjectType == "exercise" && e.Verb == "submitted" && e.Context?["type"]?.GetValue<string>() == "quiz").ToList();
            return new Bucket(b.ToString("yyyy-MM-dd"),
                list.Count(e => e.ObjectType == "concept" && e.Verb == "started"),
                list.Count(e => e.ObjectType == "concept" && e.Verb == "completed"),
                list.Count(e => e.ObjectType == "concept" && e.Verb == "completed" && e.Success == true),
                list.Where(e => e.Verb is "completed" or "submitted").Sum(e => e.DurationSeconds ?? 0),
                list.Count(e => e.ObjectType == "exercise" && e.Verb == "submitted"),
                quizzes.Count == 0 ? null : Math.Round(quizzes.Average(e => e.Score ?? 0), 3));
        }).ToList();
        var completions = inRange.Where(e => e.ObjectType == "concept" && e.Verb == "completed").ToList();
        await Send.OkAsync(new Response(history, new Totals(completions.Count, completions.Count(e => e.Success == true),
            inRange.Where(e => e.Verb is "completed" or "submitted").Sum(e => e.DurationSeconds ?? 0),
            completions.Count == 0 ? 0 : Math.Round(completions.Average(e => e.Score ?? 0), 3))), ct);
    }
}
