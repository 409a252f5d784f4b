using System.Security.Claims;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Analytics;

public static class AnalyticsAccess
{
    public static bool IsInstructor(this ClaimsPrincipal user) => user.HasClaim(AuthClaims.Role, Roles.Instructor) || user.IsAdmin();

    /// <summary>Instructors see anyone's analytics; a learner only their own (403 otherwise).</summary>
    public static void EnsureMayView(this ClaimsPrincipal user, long userId)
    {
        if (userId != user.UserId() && !user.IsInstructor())
            throw ApiException.Forbidden("Only instructors can view another learner's analytics.");
    }
}
