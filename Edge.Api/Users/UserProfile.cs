using System.Text.Json;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Users;

/// <summary>A user as <c>/api/v1/users/{id}</c> shows it: the account, its preferences, learning profile and time zone.</summary>
public sealed record UserProfile(
    long Id,
    string Email,
    string Username,
    string? Name,
    string? FirstName,
    string? LastName,
    string[] Roles,
    bool IsGuest,
    JsonElement Preferences,
    LearningProfile LearningProfile,
    string TimeZone,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static UserProfile From(UserAccount user) => new(user.Id, user.Email, user.LoginName, user.Name, user.FirstName, user.LastName,
        user.Roles, user.IsGuest, JsonDocument.Parse(user.Preferences).RootElement.Clone(), LearningProfile.From(user.LearningProfile),
        user.TimeZone, user.CreatedAt, user.UpdatedAt);
}
