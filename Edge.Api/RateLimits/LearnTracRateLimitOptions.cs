using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>Seed 003's per-user limits ("Rate Limiting"): one policy per route group, each configurable.</summary>
public sealed class LearnTracRateLimitOptions
{
    public const string Section = "LearnTrac:RateLimits";

    /// <summary>Every request under <c>/api/learntrac/v1</c>: 1000 per hour.</summary>
    [Required] public RateLimitPolicyOptions Api { get; set; } = new() { Limit = 1000, Window = TimeSpan.FromHours(1) };

    /// <summary>Chat messages (a chat's first message and every later one): 100 per hour.</summary>
    [Required] public RateLimitPolicyOptions Chat { get; set; } = new() { Limit = 100, Window = TimeSpan.FromHours(1) };

    /// <summary>Voice, counted in seconds of audio: 60 minutes per day.</summary>
    [Required] public RateLimitPolicyOptions Voice { get; set; } = new() { Limit = 3600, Window = TimeSpan.FromDays(1) };

    /// <summary>Analytics exports: 10 per day.</summary>
    [Required] public RateLimitPolicyOptions Exports { get; set; } = new() { Limit = 10, Window = TimeSpan.FromDays(1) };

    public RateLimitPolicyOptions For(string policy) => policy switch
    {
        RateLimitPolicies.Api => Api,
        RateLimitPolicies.Chat => Chat,
        RateLimitPolicies.Voice => Voice,
        RateLimitPolicies.Exports => Exports,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate limit policy"),
    };
}
