using Pipeline.Domain.Concepts;

namespace Pipeline.Edge.Api.Concepts;

/// <summary>GET /concepts item (seed 003).</summary>
public sealed record ConceptSummary(long Id, string Title, string Description, string Type, string Status, double Difficulty,
    double MasteryThreshold, string? Component, string? Milestone, IReadOnlyList<long> Prerequisites, string EstimatedTime,
    IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ConceptSummary From(Concept c, string status) => new(c.Id, c.Title, c.Description, c.Type, status, c.Difficulty,
        c.MasteryThreshold, c.Component, c.Milestone, c.Prerequisites, c.EstimatedTime, c.Tags, c.CreatedAt, c.UpdatedAt);
}
