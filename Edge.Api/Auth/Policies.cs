namespace Pipeline.Edge.Api.Auth;

/// <summary>Authorization policy names other features put on their endpoints (<c>.RequireAuthorization(Policies.X)</c>).</summary>
public static class Policies
{
    /// <summary>A signed-in user with an account: guests are refused (403).</summary>
    public const string RegisteredUser = "registered-user";

    /// <summary>The admin role.</summary>
    public const string Admin = "admin";

    /// <summary>The instructor role, or admin (admins can do what instructors can).</summary>
    public const string Instructor = "instructor";
}
