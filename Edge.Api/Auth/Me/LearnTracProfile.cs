using System.Globalization;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Me;

/// <summary>Seed 003: <c>GET /api/learntrac/v1/auth/me</c>.</summary>
public sealed record LearnTracProfile(string Id, string Username, string Email, string[] Roles, DateTime CreatedAt, LearningProfile LearningProfile)
{
    public static LearnTracProfile From(UserAccount user) =>
        new(user.Id.ToString(CultureInfo.InvariantCulture), user.LoginName, user.Email, user.Roles, user.CreatedAt, LearningProfile.From(user.LearningProfile));
}
