namespace Pipeline.Domain.Tasks;

/// <summary>A task status as cached: its owner (for the ownership check) and the response body, already serialized.</summary>
/// <param name="CachedAt">When this copy was written to (or confirmed in) the cache; null for a status read from PostgreSQL.</param>
public sealed record CachedTaskStatus(long UserId, string Status, string Json, DateTimeOffset? CachedAt = null);
