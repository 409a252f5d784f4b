using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Goals;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Schedule.Accept;

/// <summary>
/// <c>POST /api/v1/schedule/accept</c> <c>{"blocks": [...]}</c>: adds several blocks in one call (a plan's
/// <c>suggested_blocks</c> as they are); 201 with the created blocks. Each is checked as <c>POST /schedule</c> checks one.
/// </summary>
public sealed class Endpoint(ScheduleStore schedule, GoalStore goals, CourseCatalogue courses) : Endpoint<Request, ListPage<ScheduledBlock>>
{
    public override void Configure()
    {
        Post("/api/v1/schedule/accept");
        Description(d => d.WithTags("Schedule").Produces<ListPage<ScheduledBlock>>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        foreach (var goalId in request.Blocks.Select(b => b.GoalId).OfType<long>().Distinct())
            if (await goals.FindAsync(userId, goalId, ct) is null)
                throw new ApiException(StatusCodes.Status404NotFound, "Goal not found", details: new[] { new { field = "blocks.goal_id", message = $"goal {goalId} is not yours" } });
        foreach (var courseId in request.Blocks.Select(b => b.CourseId).Distinct())
            await courses.EnsureCourseVisibleAsync(User, courseId, ct);
        var created = new List<ScheduledBlock>();
        foreach (var block in request.Blocks)
            created.Add(ScheduledBlock.From(await schedule.CreateAsync(new NewScheduleBlock(userId, block.Title.Trim(), block.Description,
                block.Start!.Value, block.End!.Value, string.IsNullOrWhiteSpace(block.Recurring) ? null : block.Recurring.Trim().ToUpperInvariant(),
                block.GoalId, block.CourseId), ct)));
        await Send.ResponseAsync(new ListPage<ScheduledBlock>(created, created.Count, created.Count, 0), StatusCodes.Status201Created, ct);
    }
}
