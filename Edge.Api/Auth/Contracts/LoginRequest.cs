namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>
/// A login, as JSON or as the OAuth2 password form (<c>username</c>, <c>password</c>, <c>grant_type</c>) FastAPI clients
/// send. The username is the account's email unless the user chose one; <c>email</c> is accepted in its place.
/// </summary>
public sealed record LoginRequest(string? Username = null, string? Password = null, string? GrantType = null, string? Email = null);
