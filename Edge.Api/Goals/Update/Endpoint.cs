using System.Globalization;
using System.Text.Json;
using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Goals.Update;

/// <summary>Seed 004 <c>PATCH /api/v1/goals/{id}</c>: another user's goal is 404.</summary>
public sealed class Endpoint(GoalStore goals, CourseCatalogue courses) : Endpoint<Request, Goal>
{
    public override void Configure()
    {
        Patch("/api/v1/goals/{id}");
        Description(d => d.WithTags("Goals").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        await courses.EnsureCourseVisibleAsync(User, request.CourseId, ct);
        var change = new GoalChange(request.Title?.Trim(), request.Description, request.TargetValue, request.Unit?.Trim(),
            request.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            request.Status is { } s ? JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : null, request.CourseId);
        await Send.OkAsync(await goals.UpdateAsync(User.UserId(), request.Id, change, ct) ?? throw ApiException.NotFound("Goal not found"), ct);
    }
}
