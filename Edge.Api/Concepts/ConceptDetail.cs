namespace Pipeline.Edge.Api.Concepts;

/// <summary>
/// GET /concepts/{id} (seed 003), plus the caller's mastery and their active learning session (null when none): a client
/// that did not keep the session id from start (a reloaded page, another device) finds it here to complete the concept.
/// </summary>
public sealed record ConceptDetail(long Id, string Title, string Description, string Type, string Status, double Difficulty,
    double MasteryThreshold, string? Component, string? Milestone, IReadOnlyList<PrerequisiteView> Prerequisites,
    IReadOnlyList<string> LearningObjectives, IReadOnlyList<ResourceView> Resources, IReadOnlyList<ConceptExerciseView> Exercises,
    string EstimatedTime, IReadOnlyList<string> Tags, double Mastery, ConceptMetadata Metadata, ActiveSessionView? ActiveSession);
