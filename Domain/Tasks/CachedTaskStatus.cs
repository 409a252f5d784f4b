namespace Pipeline.Domain.Tasks;

/// <summary>A task status as cached: its owner (for the ownership check) and the response body, already serialized.</summary>
public sealed record CachedTaskStatus(long UserId, string Status, string Json);
