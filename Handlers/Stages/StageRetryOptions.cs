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

    /// <summary>Delays of the redeliveries through the scheduler, after the in-process retries are used up.</summary>
    public int[] RedeliverySeconds { get; set; } = [10, 30, 60];

    /// <summary>How many generations one worker runs at once (the LLM limiter caps calls separately).</summary>
    [Range(1, 256)] public int CardConcurrency { get; set; } = 32;
}
