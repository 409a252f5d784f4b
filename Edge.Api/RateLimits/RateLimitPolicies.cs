namespace Pipeline.Edge.Api.RateLimits;

/// <summary>The route groups seed 003 limits separately; an endpoint names its group with <see cref="RateLimitedAs"/>.</summary>
public static class RateLimitPolicies
{
    public const string Api = "api";
    public const string Chat = "chat";
    public const string Voice = "voice";
    public const string Exports = "exports";

    /// <summary>Where the <see cref="Api"/> policy applies to every request.</summary>
    public const string LearnTracPrefix = "/api/learntrac/v1";
}
