namespace Pipeline.Domain.Concepts;

/// <summary>What the Trac importer writes for one ticket: the concept and the exercises its ticket declares.</summary>
public sealed record ConceptImport(
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
    IReadOnlyList<ExerciseDefinition> Exercises,
    long ChangeTime,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
