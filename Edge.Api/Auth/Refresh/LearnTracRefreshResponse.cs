using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Auth.Tokens;

namespace Pipeline.Edge.Api.Auth.Refresh;

/// <summary>
/// Seed 003: <c>POST /api/learntrac/v1/auth/refresh</c> shows access_token, token_type, expires_in. Refresh tokens
/// rotate (the one sent is now used up), so the next one is added as <c>refresh_token</c>; clients that ignore it
/// simply log in again when the session needs a new refresh.
/// </summary>
public sealed record LearnTracRefreshResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken)
{
    public static LearnTracRefreshResponse From(IssuedTokens tokens) =>
        new(tokens.AccessToken, TokenResponse.Bearer, tokens.ExpiresInSeconds, tokens.RefreshToken);
}
