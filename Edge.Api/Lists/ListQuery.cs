using FastEndpoints;

namespace Pipeline.Edge.Api.Lists;

/// <summary>Seed 004's list parameters: <c>limit</c> (default 20, at most 100) and <c>offset</c>.</summary>
public abstract class ListQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    [QueryParam] public int Limit { get; init; } = DefaultLimit;
    [QueryParam] public int Offset { get; init; }
}
