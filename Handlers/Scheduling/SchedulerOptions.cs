using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>How long the poller rests when nothing was due: the lateness a scheduled message may have.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Due messages sent per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}
