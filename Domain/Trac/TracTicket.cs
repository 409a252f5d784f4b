namespace Pipeline.Domain.Trac;

/// <summary>A row of <c>trac.ticket</c> with its <c>trac.ticket_custom</c> fields. Times are Trac's microseconds since the epoch.</summary>
public sealed record TracTicket(
    long Id,
    string? Type,
    long Time,
    long ChangeTime,
    string? Component,
    string? Milestone,
    string? Status,
    string? Summary,
    string? Description,
    string? Keywords,
    IReadOnlyDictionary<string, string> Custom);
