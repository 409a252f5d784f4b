namespace Pipeline.Edge.Api.Auth.Logout;

/// <summary>Seed 003's logout answer: <c>{"message": "Successfully logged out"}</c>.</summary>
public sealed record MessageResponse(string Message)
{
    public static readonly MessageResponse LoggedOut = new("Successfully logged out");
}
