using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Pipeline.Domain.Webhooks;

/// <summary>Settings of section <c>Webhooks</c> (environment: <c>Webhooks__AllowPrivateTargets</c>, ...), read by both hosts.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Lets subscriptions target loopback, private and link-local addresses. Off in production (server-side request
    /// forgery); tests and local development, whose receivers listen on loopback, turn it on.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>
    /// Growing delays (TimeSpans, comma-separated) between attempts; the last repeats until <see cref="RetryFor"/> is
    /// over. A string rather than an array: configuration binding appends to an array's defaults instead of replacing them.
    /// </summary>
    [Required] public string RetryDelays { get; set; } = "00:00:10,00:01:00,00:05:00,00:30:00,01:00:00,02:00:00,04:00:00";

    /// <summary>How long after the first attempt a delivery is still retried; then it is marked failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Deliveries in a row that end failed before the subscription is disabled.</summary>
    [Range(1, 1000)] public int DisableAfterFailedDeliveries { get; set; } = 3;

    /// <summary>How long one attempt may take (connect, send, answer).</summary>
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 10;

    /// <summary>user.struggled: this many failed submissions on one concept within <see cref="StruggleWindow"/>.</summary>
    [Range(1, 1000)] public int StruggledAfterFailures { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")] public TimeSpan StruggleWindow { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan[] Delays => RetryDelays
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture))
        .ToArray();

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delays = Delays;
        return delays.Length == 0 ? TimeSpan.FromMinutes(1) : delays[Math.Min(attempt, delays.Length) - 1];
    }
}
