namespace Pipeline.Domain.KnowledgeGraph;

/// <summary>An edge of the knowledge graph. <c>prerequisite_for</c>: <see cref="SourceId"/> is learned before <see cref="TargetId"/>.</summary>
public sealed record ConceptEdge(long Id, long SourceId, long TargetId, string Relationship, double Weight, string Origin, DateTimeOffset CreatedAt);

public static class Relationships
{
    public const string PrerequisiteFor = "prerequisite_for";
    public const string RelatedTo = "related_to";
    public const string AlternativeTo = "alternative_to";

    public static readonly string[] All = [PrerequisiteFor, RelatedTo, AlternativeTo];
}
