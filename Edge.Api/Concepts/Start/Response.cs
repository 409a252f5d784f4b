namespace Pipeline.Edge.Api.Concepts.Start;

public sealed record Response(Guid SessionId, long ConceptId, string Status, DateTimeOffset StartedAt, IReadOnlyList<PathStep> LearningPath,
    bool AiTutorAvailable);
