namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

public sealed record Response(IReadOnlyList<PathStepView> Path, int TotalConcepts, int TotalEstimatedTime, IReadOnlyList<double> DifficultyProgression,
    IReadOnlyList<AlternativePath> AlternativePaths);
