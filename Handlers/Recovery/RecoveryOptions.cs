using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Recovery;

/// <summary>How the recovery services of Handlers/Recovery run (section <c>Pipeline:Recovery</c>).</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Pipeline:Recovery";

    /// <summary>
    /// A pending task that no saga has taken up this long after its command was sent gets it again
    /// (<see cref="UnstartedTaskResender"/>). 0: never.
    /// </summary>
    [Range(0, 3600)] public int UnstartedTaskResendSeconds { get; set; } = 15;

    [Range(1, 60)] public int CheckEverySeconds { get; set; } = 5;
}
