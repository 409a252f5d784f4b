namespace Pipeline.Edge.Api.RateLimits;

/// <summary>Endpoint metadata: this route also counts against <paramref name="Policy"/> (beside the prefix-wide one).</summary>
public sealed record RateLimitedAs(string Policy);
