namespace Pipeline.Edge.Api.Concepts;

/// <summary>GET /concepts/{id} (seed 003), plus the caller's mastery.</summary>
public sealed record ConceptDetail(long Id, string Title, string Description, string Type, string Status, double Difficulty,
    double MasteryThreshold, string? Component, string? Milestone, IReadOnlyList<PrerequisiteView> Prerequisites,
    IReadOnlyList<string> LearningObjectives, IReadOnlyList<ResourceView> Resources, IReadOnlyList<ConceptExerciseView> Exercises,
    string EstimatedTime, IReadOnlyList<string> Tags, double Mastery, ConceptMetadata Metadata);
