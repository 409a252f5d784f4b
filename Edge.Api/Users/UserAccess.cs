using System.Security.Claims;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Users;

/// <summary>A user's profile is theirs and the admins' to see and change.</summary>
public static class UserAccess
{
    public static void EnsureSelfOrAdmin(this ClaimsPrincipal caller, long userId)
    {
        if (caller.UserId() != userId && !caller.IsAdmin())
            throw ApiException.Forbidden("You can only see and change your own profile.");
    }
}
