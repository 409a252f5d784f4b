using FastEndpoints;

namespace Pipeline.Edge.Api.Progress;

/// <summary>The filters both progress routes take.</summary>
public abstract class ProgressRequest
{
    [QueryParam] public string Timeframe { get; init; } = "all";
    [QueryParam] public string? Milestone { get; init; }
}
