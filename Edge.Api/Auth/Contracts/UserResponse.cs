using Pipeline.Edge.Api.Auth.Accounts;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>The user as <c>/api/auth/me</c> (seed 001) and <c>/api/v1/auth/me</c> (seed 004) show it.</summary>
public sealed record UserResponse(
    long Id,
    string Email,
    string Username,
    string? Name,
    string? FirstName,
    string? LastName,
    string[] Roles,
    bool IsGuest,
    DateTime CreatedAt)
{
    public static UserResponse From(UserAccount user) =>
        new(user.Id, user.Email, user.LoginName, user.Name, user.FirstName, user.LastName, user.Roles, user.IsGuest, user.CreatedAt);
}
