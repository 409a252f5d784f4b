using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Goals.Progress;

/// <summary>
/// Seed 004 <c>POST /api/v1/goals/{id}/progress</c>: records a progress event (a learning event, verb progressed) and
/// answers 201 with it and the goal after it; reaching the target completes the goal. An abandoned goal refuses (409).
/// </summary>
public sealed class Endpoint(GoalStore goals) : Endpoint<Request, GoalProgress>
{
    public override void Configure()
    {
        Post("/api/v1/goals/{id}/progress");
        Description(d => d.WithTags("Goals").Produces<GoalProgress>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        var goal = await goals.FindAsync(userId, request.Id, ct) ?? throw ApiException.NotFound("Goal not found");
        if (goal.Status == "abandoned")
            throw ApiException.Conflict("The goal is abandoned; set its status to active to record progress.");
        var progress = await goals.RecordProgressAsync(userId, request.Id, request.Value, request.Note, ct) ?? throw ApiException.NotFound("Goal not found");
        await Send.ResponseAsync(progress, StatusCodes.Status201Created, ct);
    }
}
