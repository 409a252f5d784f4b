using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tasks.Status;

/// <summary>
/// Seeds 002 and 000: the status every frontend polls. Served from Redis as the stored JSON (PostgreSQL when Redis misses
/// or is down), so the hot path does not deserialize and serialize it again.
/// </summary>
public sealed class Endpoint(TaskStatusReader reader) : Endpoint<TaskRequest, TaskStatusRecord>
{
    public override void Configure()
    {
        Get("/api/tasks/{task_id}/status", "/api/recommendation/tasks/{task_id}");
        Description(d => d.WithTags("Tasks").Failures(401, 403, 404));
    }

    public override async Task HandleAsync(TaskRequest request, CancellationToken ct)
    {
        var status = await reader.GetVisibleAsync(request.TaskId, User, ct);
        await Send.StringAsync(status.Json, contentType: "application/json", cancellation: ct);
    }
}
