using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Goals;

namespace Pipeline.Edge.Api.Schedule.Create;

/// <summary>Seed 004 <c>POST /api/v1/schedule</c>: a time block (title, start, end after start, optional RRULE), 201.</summary>
public sealed class Endpoint(ScheduleStore schedule, GoalStore goals, CourseCatalogue courses) : Endpoint<Request, ScheduledBlock>
{
    public override void Configure()
    {
        Post("/api/v1/schedule");
        Description(d => d.WithTags("Schedule").Produces<ScheduledBlock>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        if (request.GoalId is { } goalId && await goals.FindAsync(userId, goalId, ct) is null)
            throw new ApiException(StatusCodes.Status404NotFound, "Goal not found", details: new[] { new { field = "goal_id", message = "No goal of yours with this id." } });
        await courses.EnsureCourseVisibleAsync(User, request.CourseId, ct);
        var block = await schedule.CreateAsync(new NewScheduleBlock(userId, request.Title.Trim(), request.Description, request.Start!.Value,
            request.End!.Value, string.IsNullOrWhiteSpace(request.Recurring) ? null : request.Recurring.Trim().ToUpperInvariant(),
            request.GoalId, request.CourseId), ct);
        await Send.ResponseAsync(ScheduledBlock.From(block), StatusCodes.Status201Created, ct);
    }
}
