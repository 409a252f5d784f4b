using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Trac;

/// <summary>Section <c>Trac</c>: the ticket importer.</summary>
public sealed class TracOptions
{
    public const string Section = "Trac";

    /// <summary>Load the starter curriculum when the <c>trac</c> schema has no tickets.</summary>
    public bool LoadStarterCurriculum { get; set; } = true;

    /// <summary>How often the importer looks for tickets whose <c>changetime</c> moved.</summary>
    [Range(50, 600_000)]
    public int PollIntervalMs { get; set; } = 1000;
}
