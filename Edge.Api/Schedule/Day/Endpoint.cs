using System.Globalization;
using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Schedule.Day;

/// <summary>
/// Seed 004 <c>GET /api/v1/schedule?date=YYYY-MM-DD</c>: the blocks on that day in the user's time zone
/// (<c>PATCH /api/v1/users/{id}</c> <c>time_zone</c>), recurring ones expanded, in start order.
/// </summary>
public sealed class Endpoint(ScheduleStore schedule, UserStore users) : Endpoint<Request, ListPage<Occurrence>>
{
    public override void Configure()
    {
        Get("/api/v1/schedule");
        Description(d => d.WithTags("Schedule").ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var user = await users.FindAsync(userId, ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(user?.TimeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        var date = request.Date!.Value;
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));
        var to = from.AddDays(1).AddHours(2);
        var occurrences = new List<Occurrence>();
        foreach (var block in await schedule.CandidatesAsync(userId, from.AddDays(-8), to, ct))
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(block.StartsAt, DateTimeKind.Utc));
            var end = new DateTimeOffset(DateTime.SpecifyKind(block.EndsAt, DateTimeKind.Utc));
            foreach (var (s, e) in Recurrence.OnDay(start, end, block.Recurring, date, zone))
                occurrences.Add(new Occurrence(block.Id, block.Title, block.Description, s, e, LocalText(s, zone), LocalText(e, zone), zone.Id,
                    block.Recurring, block.GoalId, block.CourseId));
        }
        var ordered = occurrences.OrderBy(o => o.Start).ThenBy(o => o.Id).ToList();
        await Send.OkAsync(new ListPage<Occurrence>(ordered.Skip(request.Offset).Take(request.Limit).ToList(), ordered.Count, request.Limit, request.Offset), ct);
    }

    private static string LocalText(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
