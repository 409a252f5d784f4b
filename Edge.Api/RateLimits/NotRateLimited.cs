namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// Endpoint metadata: this route under <see cref="RateLimitPolicies.LearnTracPrefix"/> is counted by no limit and carries no
/// rate-limit headers (the public health check, which load balancers and monitors poll from one address).
/// </summary>
public sealed record NotRateLimited
{
    public static readonly NotRateLimited Instance = new();
}
