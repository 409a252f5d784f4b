namespace Pipeline.Edge.Api.Lists;

/// <summary>Seed 004's list envelope: <c>{"items": [...], "total", "limit", "offset"}</c>.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, long Total, int Limit, int Offset);
