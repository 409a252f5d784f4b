using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Edge.Api.Tasks.Cancel;

/// <summary>Asks the saga to stop a task (202; the status shows when it has). Failed and timed-out tasks may be cancelled.</summary>
public sealed class Endpoint(TaskStore tasks, ISendEndpointProvider sendEndpoints) : Endpoint<TaskRequest, TaskCommandAccepted>
{
    public override void Configure()
    {
        Post("/api/tasks/{task_id}/cancel");
        Description(d => d.WithTags("Tasks").ClearDefaultAccepts().Produces<TaskCommandAccepted>(StatusCodes.Status202Accepted)
            .Failures(401, 403, 404, 409));
    }

    public override async Task HandleAsync(TaskRequest request, CancellationToken ct)
    {
        var task = await tasks.FindOwnAsync(request.TaskId, User, ct);
        if (TaskStatuses.IsFinal(task.Record.Status) && task.Record.Status is not (TaskStatuses.Failed or TaskStatuses.Timeout))
            throw ApiException.Conflict($"Task is already {task.Record.Status}");
        await sendEndpoints.SendToSagaAsync(new CancelLearningPathTask(task.CorrelationId, $"requested by user {User.UserId()}"), ct);
        HttpContext.Response.Headers.Location = TaskCommands.StatusUrl(request.TaskId);
        await Send.ResponseAsync(new TaskCommandAccepted(request.TaskId, "cancel_requested"), StatusCodes.Status202Accepted, ct);
    }
}
