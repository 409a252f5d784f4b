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

public sealed record ConceptList(IReadOnlyList<ConceptSummary> Concepts, int Total, int Limit, int Offset);

public sealed record PrerequisiteView(long Id, string Title, string Status);

public sealed record ResourceView(string Type, string Title, string Url);

public sealed record ConceptExerciseView(string Id, string Title, string Type, int Points);

public sealed record ConceptMetadata(long TracTicketId, IReadOnlyDictionary<string, string> CustomFields);

/// <summary>GET /concepts/{id} (seed 003), plus the caller's mastery.</summary>
public sealed record ConceptDetail(long Id, string Title, string Description, string Type, string Status, double Difficulty,
    double MasteryThreshold, string? Component, string? Milestone, IReadOnlyList<PrerequisiteView> Prerequisites,
    IReadOnlyList<string> LearningObjectives, IReadOnlyList<ResourceView> Resources, IReadOnlyList<ConceptExerciseView> Exercises,
    string EstimatedTime, IReadOnlyList<string> Tags, double Mastery, ConceptMetadata Metadata);
