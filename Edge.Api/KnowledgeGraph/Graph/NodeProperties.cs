namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

public sealed record NodeProperties(double Difficulty, string EstimatedTime, string? Component);
