using System.Globalization;
using System.Text.Json;
using Pipeline.Edge.Api.Auth.Accounts;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>Seed 003's <c>user</c> in the login response: ids are strings there.</summary>
public sealed record LearnTracUser(string Id, string Username, string Email, string[] Roles, JsonElement Preferences)
{
    public static LearnTracUser From(UserAccount user) =>
        new(user.Id.ToString(CultureInfo.InvariantCulture), user.LoginName, user.Email, user.Roles, JsonDocument.Parse(user.Preferences).RootElement.Clone());
}
