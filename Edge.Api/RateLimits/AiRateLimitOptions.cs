using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>Per-user limits on the endpoints that cost LLM calls (seed 004: "Rate-limit AI endpoints per-user").</summary>
public sealed class AiRateLimitOptions
{
    public const string Section = "Pipeline:RateLimits";

    [Range(1, int.MaxValue)] public int AiRequestsPerMinute { get; set; } = 30;

    /// <summary>Guests try the product; they get a smaller share.</summary>
    [Range(1, int.MaxValue)] public int GuestAiRequestsPerMinute { get; set; } = 5;

    /// <summary>
    /// AI requests per minute from everyone together, the provider bill's brake: many users (or many guests) within
    /// their own limits cannot add up to more. Beyond it a 503 with Retry-After; the request does no work.
    /// </summary>
    [Range(1, int.MaxValue)] public int GlobalAiRequestsPerMinute { get; set; } = 600;
}
