using Pipeline.Edge.Api.Auth.Tokens;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>Seed 003: <c>POST /api/learntrac/v1/auth/login</c>.</summary>
public sealed record LearnTracLoginResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, LearnTracUser User)
{
    public static LearnTracLoginResponse From(IssuedTokens tokens) =>
        new(tokens.AccessToken, tokens.RefreshToken, TokenResponse.Bearer, tokens.ExpiresInSeconds, LearnTracUser.From(tokens.User));
}
