using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Courses.Get;

/// <summary>Seed 004 <c>GET /api/v1/courses/{id}</c>: details with modules; 404 for a course the user cannot see.</summary>
public sealed class Endpoint(CourseCatalogue courses) : Endpoint<Request, CourseDetail>
{
    public override void Configure()
    {
        Get("/api/v1/courses/{id}");
        Description(d => d.WithTags("Courses").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (course, modules) = await courses.FindVisibleAsync(User.UserId(), request.Id, ct) ?? throw ApiException.NotFound("Course not found");
        await Send.OkAsync(CourseDetail.From(course, modules), ct);
    }
}
