namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

public sealed record Edge(string Source, string Target, string Relationship, double Weight);
