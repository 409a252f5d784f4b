namespace Pipeline.Domain.Trac;

/// <summary>Trac rows to load into an empty <c>trac</c> schema (the starter curriculum, Handlers/Trac/StarterCurriculum.json).</summary>
public sealed record TracCurriculum(
    IReadOnlyList<TracCurriculum.MilestoneRow> Milestones,
    IReadOnlyList<TracCurriculum.ComponentRow> Components,
    IReadOnlyList<TracCurriculum.TicketRow> Tickets)
{
    public sealed record MilestoneRow(string Name, string? Description);

    public sealed record ComponentRow(string Name, string? Owner, string? Description);

    public sealed record TicketRow(long Id, string Type, string Component, string Milestone, string Priority, string? Severity,
        string? Owner, string Reporter, string Status, string Summary, string Description, string Keywords,
        IReadOnlyDictionary<string, string> Custom);
}
