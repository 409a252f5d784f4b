using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Realtime;

namespace Pipeline.Edge.Api.Tasks.Events;

/// <summary>
/// <c>GET /api/tasks/{task_id}/events</c>: live progress as Server-Sent Events (see <see cref="TaskEventStream"/>). A
/// user holds a bounded number of streams (429 beyond), and a stream ends when its login session is revoked.
/// </summary>
public sealed class Endpoint(TaskStatusReader reader, ITaskStatusCache cache, TaskStore tasks, OpenStreams streams,
    ILogger<Endpoint> logger) : Endpoint<TaskRequest>
{
    public override void Configure()
    {
        Get("/api/tasks/{task_id}/events");
        Description(d => d.WithTags("Tasks").Produces<TaskStatusRecord>(StatusCodes.Status200OK, "text/event-stream").Failures(401, 403, 404, 429));
    }

    public override async Task HandleAsync(TaskRequest request, CancellationToken ct)
    {
        using var lease = streams.TryOpen(User, ct)
            ?? throw ApiException.TooManyRequests("Too many open event streams; close one first.", 5);
        try
        {
            await TaskEventStream.StreamAsync(request.TaskId, HttpContext, User, reader, cache, tasks, logger, lease.Token);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // The session was revoked: the stream ends here, as if the task had.
        }
    }
}
