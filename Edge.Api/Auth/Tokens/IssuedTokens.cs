using Pipeline.Edge.Api.Auth.Accounts;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>What a login, registration or refresh hands back, before each seed shapes it.</summary>
public sealed record IssuedTokens(string AccessToken, string RefreshToken, int ExpiresInSeconds, UserAccount User)
{
    /// <summary>After a password login: the signed known-device token for this account on this device (a cookie).</summary>
    public string? DeviceToken { get; init; }
}
