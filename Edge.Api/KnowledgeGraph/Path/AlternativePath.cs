namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

public sealed record AlternativePath(IReadOnlyList<long> Path, int TotalTime, double DifficultyScore);
