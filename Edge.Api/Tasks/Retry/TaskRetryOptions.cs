using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Tasks.Retry;

/// <summary>How often a failed task may be retried: each retry is an LLM call and, when it fails again, a failed message.</summary>
public sealed class TaskRetryOptions
{
    public const string Section = "Pipeline:TaskRetries";

    /// <summary>Retries per task; beyond them 409.</summary>
    [Range(0, 1000)] public int MaxRetriesPerTask { get; set; } = 10;

    /// <summary>The wait after the first retry; it doubles with each one after (2, 4, 8 ... seconds); sooner is a 429.</summary>
    [Range(0, 3600)] public double FirstGapSeconds { get; set; } = 2;
}
