using Pipeline.Edge.Api.Auth.Accounts;

namespace Pipeline.Edge.Api.Auth.Tokens;

/// <summary>What a login, registration or refresh hands back, before each seed shapes it.</summary>
public sealed record IssuedTokens(string AccessToken, string RefreshToken, int ExpiresInSeconds, UserAccount User);
