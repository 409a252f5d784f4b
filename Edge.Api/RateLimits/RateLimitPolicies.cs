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

/// <summary>Endpoint metadata: this route also counts against <paramref name="Policy"/> (beside the prefix-wide one).</summary>
public sealed record RateLimitedAs(string Policy);

/// <summary>
/// Endpoint metadata: this route under <see cref="RateLimitPolicies.LearnTracPrefix"/> is counted by no limit and carries no
/// rate-limit headers (the public health check, which load balancers and monitors poll from one address).
/// </summary>
public sealed record NotRateLimited
{
    public static readonly NotRateLimited Instance = new();
}
