using FastEndpoints;

namespace Pipeline.Edge.Api.Tasks;

/// <summary>The task named in the route (<c>{task_id}</c>), for every endpoint about one task.</summary>
public sealed class TaskRequest
{
    [BindFrom("task_id")] public string TaskId { get; init; } = "";
}
