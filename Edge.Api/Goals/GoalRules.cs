using System.Security.Claims;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Goals;

public static class GoalRules
{
    /// <summary>A goal may name a course only when the user can see it.</summary>
    public static async Task EnsureCourseVisibleAsync(this CourseCatalogue courses, ClaimsPrincipal user, long? courseId, CancellationToken ct)
    {
        if (courseId is { } id && !await courses.IsVisibleAsync(user.UserId(), id, ct))
            throw new ApiException(StatusCodes.Status404NotFound, "Course not found", details: new[] { new { field = "course_id", message = "No course with this id that you can see." } });
    }
}
