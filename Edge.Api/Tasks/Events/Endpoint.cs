using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tasks.Events;

/// <summary><c>GET /api/tasks/{task_id}/events</c>: live progress as Server-Sent Events (see <see cref="TaskEventStream"/>).</summary>
public sealed class Endpoint(TaskStatusReader reader, ITaskStatusCache cache, TaskStatusRepository tasks, ILogger<Endpoint> logger)
    : Endpoint<TaskRequest>
{
    public override void Configure()
    {
        Get("/api/tasks/{task_id}/events");
        Description(d => d.WithTags("Tasks").Produces<TaskStatusRecord>(StatusCodes.Status200OK, "text/event-stream").Failures(401, 403, 404));
    }

    public override Task HandleAsync(TaskRequest request, CancellationToken ct) =>
        TaskEventStream.StreamAsync(request.TaskId, HttpContext, User, reader, cache, tasks, logger, ct);
}
