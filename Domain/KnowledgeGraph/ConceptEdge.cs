namespace Pipeline.Domain.KnowledgeGraph;

/// <summary>An edge of the knowledge graph. <c>prerequisite_for</c>: <see cref="SourceId"/> is learned before <see cref="TargetId"/>.</summary>
public sealed record ConceptEdge(long Id, long SourceId, long TargetId, string Relationship, double Weight, string Origin, DateTimeOffset CreatedAt);
