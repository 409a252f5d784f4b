using System.Text.Json;
using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Courses.Create;

/// <summary>Seed 004 <c>POST /api/v1/courses</c>: a catalogue course with its modules (201). Public courses are for instructors and admins.</summary>
public sealed class Endpoint(CourseCatalogue courses) : Endpoint<Request, CourseDetail>
{
    public override void Configure()
    {
        Post("/api/v1/courses");
        Description(d => d.WithTags("Courses").Produces<CourseDetail>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var userId = User.UserId();
        if (request.Visibility == CourseVisibility.Public && !User.IsAdmin() && !User.HasClaim(AuthClaims.Role, Auth.Roles.Instructor))
            throw ApiException.Forbidden("Only instructors and admins can publish a public course.");
        var id = await courses.CreateAsync(new NewCourse(
            userId,
            request.Title.Trim(),
            request.Description,
            Name(request.Visibility),
            request.SkillArea,
            request.DifficultyLevel is { } level ? Name(level) : null,
            request.EstimatedDurationHours,
            request.Modules.Select(m => new NewCourseModule(m.Title.Trim(), m.Description, m.Objectives, m.Keywords, m.EstimatedHours)).ToList()), ct);
        var (course, modules) = (await courses.FindVisibleAsync(userId, id, ct))!.Value;
        await Send.ResponseAsync(CourseDetail.From(course, modules), StatusCodes.Status201Created, ct);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
