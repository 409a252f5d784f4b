using System.Globalization;
using System.Security.Claims;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth;

/// <summary>Who is calling, read from the validated access token.</summary>
public static class CurrentUser
{
    /// <summary>The caller's user id; a 401 when the request carries no valid token (never a 500).</summary>
    public static long UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(AuthClaims.UserId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ApiException.Unauthorized();

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(AuthClaims.Role, Roles.Admin);

    public static bool IsGuest(this ClaimsPrincipal user) =>
        string.Equals(user.FindFirst(AuthClaims.Guest)?.Value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The login session the token belongs to (what logout revokes).</summary>
    public static Guid SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(AuthClaims.SessionId)?.Value, out var id) ? id : throw ApiException.Unauthorized();
}
