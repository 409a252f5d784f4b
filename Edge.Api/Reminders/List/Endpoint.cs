using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Reminders.List;

/// <summary><c>GET /api/v1/reminders</c>: the caller's reminders (the stored notifications list), latest time first, each with <c>delivered_at</c>.</summary>
public sealed class Endpoint(ReminderStore reminders) : Endpoint<Request, ListPage<ReminderView>>
{
    public override void Configure()
    {
        Get("/api/v1/reminders");
        Description(d => d.WithTags("Reminders").ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (items, total) = await reminders.ListAsync(User.UserId(), request.Limit, request.Offset, ct);
        await Send.OkAsync(new ListPage<ReminderView>(items.Select(ReminderView.From).ToList(), total, request.Limit, request.Offset), ct);
    }
}
