namespace Pipeline.Edge.Api.RateLimits;

public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt);
