using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Recovery;

/// <summary>When <see cref="UnstartedTaskResender"/> sends a task's command again (section <c>Pipeline:UnstartedTasks</c>).</summary>
public sealed class UnstartedTaskOptions
{
    public const string Section = "Pipeline:UnstartedTasks";

    /// <summary>A pending task that no saga has taken up this long after its command was sent gets it again. 0: never.</summary>
    [Range(0, 3600)] public int ResendAfterSeconds { get; set; } = 15;

    [Range(1, 60)] public int CheckEverySeconds { get; set; } = 5;
}
