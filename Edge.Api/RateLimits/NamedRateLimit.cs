namespace Pipeline.Edge.Api.RateLimits;

/// <summary>A limit as the Redis limiter counts it: its key namespace, the policy name answers show, and its size.</summary>
public sealed record NamedRateLimit(string KeyName, string Policy, RateLimitPolicyOptions Settings);
