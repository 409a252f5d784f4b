namespace Pipeline.Tests.Infrastructure;

/// <summary>A signed-up user; <see cref="Client"/> already sends its bearer token.</summary>
public sealed record TestUser(long Id, string Email, string Password, string AccessToken, string RefreshToken, HttpClient Client);
