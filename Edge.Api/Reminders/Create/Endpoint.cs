using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Messages.Reminders;

namespace Pipeline.Edge.Api.Reminders.Create;

/// <summary>
/// Seed 004 <c>POST /api/v1/reminders</c> (201): stored, then a <see cref="DeliverReminder"/> is scheduled for its time
/// through the Postgres-backed message scheduler (Handlers/Scheduling), so it survives restarts of every process.
/// Handlers delivers it once to the user's realtime socket and sets <c>delivered_at</c>.
/// </summary>
public sealed class Endpoint(ReminderStore reminders, IMessageScheduler scheduler) : Endpoint<Request, ReminderView>
{
    public override void Configure()
    {
        Post("/api/v1/reminders");
        Description(d => d.WithTags("Reminders").Produces<ReminderView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var reminder = await reminders.CreateAsync(User.UserId(), request.Message.Trim(), request.RemindAt!.Value, ct);
        var due = DateTime.SpecifyKind(reminder.RemindAt, DateTimeKind.Utc);
        // If this send is lost (the edge stops right here), Handlers' overdue sweep delivers the reminder shortly after its time.
        await scheduler.ScheduleSend(new Uri($"queue:{ReminderQueues.DeliverReminders}"), due, new DeliverReminder(reminder.Id), ct);
        await Send.ResponseAsync(ReminderView.From(reminder), StatusCodes.Status201Created, ct);
    }
}
