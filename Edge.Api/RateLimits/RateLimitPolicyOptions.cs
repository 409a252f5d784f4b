using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>One limit: at most <see cref="Limit"/> units (requests, messages, seconds of audio) per <see cref="Window"/>.</summary>
public sealed class RateLimitPolicyOptions
{
    [Range(1, int.MaxValue)] public int Limit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan Window { get; set; }
}
