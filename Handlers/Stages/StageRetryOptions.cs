using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Stages;

/// <summary>
/// How stage workers retry. Transient failures retry in process with exponential backoff; then the message is
/// redelivered later through the scheduler; then it faults and the saga marks the task failed.
/// With the defaults a task whose LLM keeps failing (answering errors) ends failed within 3 minutes; see
/// <see cref="LongestTimeToFault"/>: 4 deliveries × (5 attempts, ≤ 4 × 3 s of backoff) + 10 + 30 + 60 s of
/// redelivery delay = 148 s, plus the LLM's own answer time per attempt and the scheduler's polling (250 ms).
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

    /// <summary>
    /// The longest a stage message can take from its first attempt to its fault (when the saga fails the task), if every
    /// attempt fails within <paramref name="failedCallTime"/> without a Retry-After: each delivery makes
    /// 1 + <see cref="InProcessRetries"/> attempts with at most <see cref="InProcessMaxDelayMs"/> between them, and the
    /// redeliveries wait their delays plus up to one scheduler poll each.
    /// </summary>
    public TimeSpan LongestTimeToFault(TimeSpan failedCallTime, TimeSpan schedulerPollInterval)
    {
        var deliveries = 1 + RedeliveryDelays.Length;
        var perDelivery = failedCallTime * (1 + InProcessRetries) + TimeSpan.FromMilliseconds(InProcessMaxDelayMs) * InProcessRetries;
        var redeliveryWaits = RedeliveryDelays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay + schedulerPollInterval);
        return perDelivery * deliveries + redeliveryWaits;
    }

    /// <summary>How many generations one worker runs at once (the LLM limiter caps calls separately).</summary>
    [Range(1, 256)] public int CardConcurrency { get; set; } = 32;
}
