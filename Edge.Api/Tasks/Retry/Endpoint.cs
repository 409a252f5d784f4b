using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Edge.Api.Tasks.Retry;

/// <summary>Runs a failed or timed-out task again from the stage it stopped at (202).</summary>
public sealed class Endpoint(TaskStatusRepository tasks, ISendEndpointProvider sendEndpoints) : Endpoint<TaskRequest, TaskCommandAccepted>
{
    public override void Configure()
    {
        Post("/api/tasks/{task_id}/retry");
        Description(d => d.WithTags("Tasks").ClearDefaultAccepts().Produces<TaskCommandAccepted>(StatusCodes.Status202Accepted)
            .Failures(401, 403, 404, 409));
    }

    public override async Task HandleAsync(TaskRequest request, CancellationToken ct)
    {
        var task = await tasks.FindOwnAsync(request.TaskId, User, ct);
        if (task.Record.Status is not (TaskStatuses.Failed or TaskStatuses.Timeout))
            throw ApiException.Conflict($"Only failed or timed-out tasks can be retried; this one is {task.Record.Status}");
        await sendEndpoints.SendToSagaAsync(new RetryLearningPathTask(task.CorrelationId), ct);
        HttpContext.Response.Headers.Location = TaskCommands.StatusUrl(request.TaskId);
        await Send.ResponseAsync(new TaskCommandAccepted(request.TaskId, "retry_requested"), StatusCodes.Status202Accepted, ct);
    }
}
