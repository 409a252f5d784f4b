using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Courses.Enroll;

/// <summary>
/// Seed 004 <c>POST /api/v1/courses/{id}/enroll</c>: idempotent (enrolling twice is one enrolment, 200 both times with
/// <c>already_enrolled</c> saying which); 404 for a course the user cannot see.
/// </summary>
public sealed class Endpoint(CourseCatalogue courses) : Endpoint<Get.Request, Enrollment>
{
    public override void Configure()
    {
        Post("/api/v1/courses/{id}/enroll");
        Description(d => d.WithTags("Courses").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Get.Request request, CancellationToken ct) =>
        await Send.OkAsync(await courses.EnrollAsync(User.UserId(), request.Id, ct) ?? throw ApiException.NotFound("Course not found"), ct);
}
