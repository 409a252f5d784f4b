namespace Pipeline.Edge.Api.KnowledgeGraph.Relationships;

public sealed record Response(string RelationshipId, long Source, long Target, string Type, DateTimeOffset CreatedAt);
