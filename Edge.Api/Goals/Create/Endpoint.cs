using System.Globalization;
using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Goals.Create;

/// <summary>Seed 004 <c>POST /api/v1/goals</c> (201).</summary>
public sealed class Endpoint(GoalStore goals, CourseCatalogue courses) : Endpoint<Request, Goal>
{
    public override void Configure()
    {
        Post("/api/v1/goals");
        Description(d => d.WithTags("Goals").Produces<Goal>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        await courses.EnsureCourseVisibleAsync(User, request.CourseId, ct);
        var goal = await goals.CreateAsync(new NewGoal(User.UserId(), request.Title.Trim(), request.Description, request.TargetValue,
            request.Unit.Trim(), request.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), request.CourseId), ct);
        await Send.ResponseAsync(goal, StatusCodes.Status201Created, ct);
    }
}
