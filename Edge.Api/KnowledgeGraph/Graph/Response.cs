namespace Pipeline.Edge.Api.KnowledgeGraph.Graph;

public sealed record Response(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges, IReadOnlyList<Cluster> Clusters);
