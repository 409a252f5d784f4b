using FastEndpoints;

namespace Pipeline.Edge.Api.Tasks.ForLearningPath;

public sealed class Request
{
    [BindFrom("learning_path_id")] public long LearningPathId { get; init; }
}
