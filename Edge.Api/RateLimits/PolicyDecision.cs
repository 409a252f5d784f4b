namespace Pipeline.Edge.Api.RateLimits;

/// <summary>Where one policy stands for one subject after a request was counted (or refused).</summary>
public sealed record PolicyDecision(string Policy, int Limit, int Remaining, TimeSpan Window, DateTimeOffset ResetAt, bool Exceeded);
