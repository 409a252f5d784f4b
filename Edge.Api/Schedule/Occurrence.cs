namespace Pipeline.Edge.Api.Schedule;

/// <summary>
/// A block as it happens on the asked day: <c>start</c>/<c>end</c> of this occurrence (UTC offsets in ISO 8601),
/// <c>local_start</c>/<c>local_end</c> in the user's time zone, <c>recurring</c> the block's RRULE.
/// </summary>
public sealed record Occurrence(
    long Id,
    string Title,
    string Description,
    DateTimeOffset Start,
    DateTimeOffset End,
    string LocalStart,
    string LocalEnd,
    string TimeZone,
    string? Recurring,
    long? GoalId,
    long? CourseId);
