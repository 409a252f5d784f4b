namespace Pipeline.Domain.Tasks;

/// <summary>
/// What operations search tasks by (every filter optional): status, stage, the owner by id or by (part of) an email
/// address (an ILIKE pattern), and a creation time range [From, To).
/// </summary>
public sealed record TaskSearch(string? Status, string? Stage, long? UserId, string? EmailPattern, DateTimeOffset? From, DateTimeOffset? To,
    int Skip, int Limit);
