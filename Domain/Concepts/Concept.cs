namespace Pipeline.Domain.Concepts;

/// <summary>A learning concept: one Trac ticket, imported (id = ticket id).</summary>
public sealed record Concept(
    long Id,
    string Title,
    string Description,
    string Type,
    string? Component,
    string? Milestone,
    string? Owner,
    IReadOnlyList<string> Tags,
    double Difficulty,
    double MasteryThreshold,
    int EstimatedMinutes,
    string EstimatedTime,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<ConceptResource> Resources,
    IReadOnlyDictionary<string, string> CustomFields,
    IReadOnlyList<long> Prerequisites,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
