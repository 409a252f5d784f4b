namespace Pipeline.Domain.Platform;

/// <summary>A learning resource: a catalogue entry (added_by null, everyone's) or one a user added (theirs).</summary>
public sealed record Resource
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string Type { get; init; } = "";
    public string Url { get; init; } = "";
    public string Description { get; init; } = "";
    public string[] Tags { get; init; } = [];
    public string Source { get; init; } = "";
    public long? AddedBy { get; init; }
    /// <summary>False until Handlers has computed its embedding; until then only full-text search finds it.</summary>
    public bool Embedded { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>What is embedded and searched: title, description and tags.</summary>
    public string SearchText => $"{Title}. {Description} {string.Join(", ", Tags)}".Trim();
}
