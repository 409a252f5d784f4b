using Pipeline.Edge.Api.Auth.Tokens;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>Login, registration, guest login and refresh on seeds 001 and 004.</summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, UserResponse User)
{
    public const string Bearer = "bearer";

    public static TokenResponse From(IssuedTokens tokens) =>
        new(tokens.AccessToken, tokens.RefreshToken, Bearer, tokens.ExpiresInSeconds, UserResponse.From(tokens.User));
}
