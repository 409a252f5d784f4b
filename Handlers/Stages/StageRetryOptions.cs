using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Stages;

/// <summary>
/// How stage workers retry. Transient failures retry in process with exponential backoff; then the message is
/// redelivered later through the scheduler; then it faults and the saga marks the task failed. With the defaults a
/// task whose LLM keeps failing ends failed in about two minutes.
/// </summary>
public sealed class StageRetryOptions
{
    public const string Section = "Pipeline:Retry";

    [Range(0, 20)] public int InProcessRetries { get; set; } = 4;
    [Range(1, 60_000)] public int InProcessMinDelayMs { get; set; } = 200;
    [Range(1, 60_000)] public int InProcessMaxDelayMs { get; set; } = 3_000;

    /// <summary>
    /// Delays (seconds, comma-separated) of the redeliveries through the scheduler once the in-process retries are used
    /// up. A string rather than an array: configuration binding appends to an array's defaults instead of replacing them.
    /// </summary>
    [RegularExpression(@"^\s*\d+(\s*,\s*\d+)*\s*$|^\s*$")]
    public string RedeliverySeconds { get; set; } = "10,30,60";

    /// <summary>A Retry-After up to this long is waited out in the worker; a longer one goes back through the scheduler.</summary>
    [Range(0, 600)] public int MaxInlineRetryAfterSeconds { get; set; } = 5;

    public TimeSpan[] RedeliveryDelays => RedeliverySeconds
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => TimeSpan.FromSeconds(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
        .ToArray();

    /// <summary>How many generations one worker runs at once (the LLM limiter caps calls separately).</summary>
    [Range(1, 256)] public int CardConcurrency { get; set; } = 32;
}
