namespace Pipeline.Edge.Api.Auth;

/// <summary>
/// Claim names inside our access tokens. JWT names are kept as they are on the wire (inbound claim mapping is off),
/// so <c>sub</c> stays <c>sub</c> instead of becoming a long XML-schema URI.
/// </summary>
public static class AuthClaims
{
    public const string UserId = "sub";
    public const string SessionId = "sid";
    public const string Role = "role";
    public const string Guest = "guest";
}
