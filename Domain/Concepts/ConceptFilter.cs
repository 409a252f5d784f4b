namespace Pipeline.Domain.Concepts;

/// <summary>GET /concepts filters; <see cref="Status"/> is the caller's own status on the concept.</summary>
public sealed record ConceptFilter(string? Status, string? Type, int? Difficulty, string? Component, string? Milestone, string? Owner,
    int Limit, int Offset);
