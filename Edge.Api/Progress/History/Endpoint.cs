using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Progress.History;

public sealed class Request
{
    [QueryParam] public DateOnly? StartDate { get; init; }
    [QueryParam] public DateOnly? EndDate { get; init; }
    [QueryParam] public string Granularity { get; init; } = "day";

    public static readonly string[] Granularities = ["day", "week", "month"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Granularity).Must(g => Granularities.Contains(g)).WithMessage("granularity must be one of day, week, month.");
            RuleFor(r => r).Must(r => r.StartDate is null || r.EndDate is null || r.StartDate <= r.EndDate)
                .WithName("end_date").WithMessage("end_date must not be before start_date.");
            RuleFor(r => r).Must(r => (r.EndDate ?? DateOnly.FromDateTime(DateTime.UtcNow)).DayNumber - (r.StartDate ?? DateOnly.MinValue).DayNumber <= 3 * 366
                                       || r.StartDate is null)
                .WithName("start_date").WithMessage("The range can span at most three years.");
        }
    }
}

public sealed record Bucket(string Date, int ConceptsStarted, int ConceptsCompleted, int ConceptsMastered, int TimeSpent, int ExercisesCompleted,
    double? QuizAverage);

public sealed record Totals(int ConceptsCompleted, int ConceptsMastered, int TotalTimeSpent, double AverageMasteryScore);

public sealed record Response(IReadOnlyList<Bucket> History, Totals Totals);

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
