using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Guests;

public sealed class GuestAccountOptions
{
    public const string Section = "Pipeline:Guests";

    /// <summary>A guest account (and everything it made) is deleted this many hours after its last session expired.</summary>
    [Range(1, 24 * 365)] public int PurgeAfterHours { get; set; } = 24;

    [Range(1, 24 * 3600)] public int CheckEverySeconds { get; set; } = 600;
}
