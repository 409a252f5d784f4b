namespace Pipeline.Edge.Api.Auth;

/// <summary>The three documented auth prefixes; each answers errors in its seed's shape (see Errors/SeedErrorWriter).</summary>
public static class AuthRoutes
{
    /// <summary>Seed 001 (FastAPI platform): <c>{"detail": ...}</c>.</summary>
    public const string Platform = "/api/auth";

    /// <summary>Seed 004: <c>{code, message, details}</c>.</summary>
    public const string V1 = "/api/v1/auth";

    /// <summary>Seed 003: <c>{"error": {...}}</c>.</summary>
    public const string LearnTrac = "/api/learntrac/v1/auth";

    public const string Tag = "Auth";
}
