using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Edge.Api.Tasks;

/// <summary>Seed 002: task status for polling, my tasks, the latest task of a path; plus cancel and retry.</summary>
public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/{task_id}/status", GetStatusAsync);
        group.MapGet("/learning-paths/{learning_path_id:long}", LatestForLearningPathAsync);
        group.MapGet("/{task_id}/events", TaskEventStream.StreamAsync);
        group.MapPost("/{task_id}/cancel", CancelAsync);
        group.MapPost("/{task_id}/retry", RetryAsync);
    }

    /// <summary>The hot path of every frontend: served from Redis as stored JSON, PostgreSQL when Redis misses or is down.</summary>
    public static async Task<ContentHttpResult> GetStatusAsync(string task_id, ClaimsPrincipal user, TaskStatusReader reader,
        CancellationToken cancellationToken)
    {
        var status = await reader.GetVisibleAsync(task_id, user, cancellationToken);
        return TypedResults.Text(status.Json, "application/json");
    }

    private static async Task<Ok<TaskStatusRecord>> LatestForLearningPathAsync(long learning_path_id, ClaimsPrincipal user,
        TaskStatusRepository tasks, CancellationToken cancellationToken)
    {
        var task = await tasks.LatestForLearningPathAsync(learning_path_id, cancellationToken)
            ?? throw ApiException.NotFound("Task not found");
        TaskAccess.EnsureVisible(task.UserId, user);
        return TypedResults.Ok(task);
    }

    private static async Task<Accepted<TaskCommandAccepted>> CancelAsync(string task_id, ClaimsPrincipal user, TaskStatusRepository tasks,
        ISendEndpointProvider sendEndpoints, CancellationToken cancellationToken)
    {
        var task = await FindOwnAsync(task_id, user, tasks, cancellationToken);
        if (TaskStatuses.IsFinal(task.Record.Status) && task.Record.Status is not (TaskStatuses.Failed or TaskStatuses.Timeout))
            throw ApiException.Conflict($"Task is already {task.Record.Status}");
        await SendAsync(sendEndpoints, new CancelLearningPathTask(task.CorrelationId, $"requested by user {user.UserId()}"), cancellationToken);
        return TypedResults.Accepted($"/api/tasks/{task_id}/status", new TaskCommandAccepted(task_id, "cancel_requested"));
    }

    private static async Task<Accepted<TaskCommandAccepted>> RetryAsync(string task_id, ClaimsPrincipal user, TaskStatusRepository tasks,
        ISendEndpointProvider sendEndpoints, CancellationToken cancellationToken)
    {
        var task = await FindOwnAsync(task_id, user, tasks, cancellationToken);
        if (task.Record.Status is not (TaskStatuses.Failed or TaskStatuses.Timeout))
            throw ApiException.Conflict($"Only failed or timed-out tasks can be retried; this one is {task.Record.Status}");
        await SendAsync(sendEndpoints, new RetryLearningPathTask(task.CorrelationId), cancellationToken);
        return TypedResults.Accepted($"/api/tasks/{task_id}/status", new TaskCommandAccepted(task_id, "retry_requested"));
    }

    private static async Task<(TaskStatusRecord Record, Guid CorrelationId)> FindOwnAsync(string taskId, ClaimsPrincipal user,
        TaskStatusRepository tasks, CancellationToken cancellationToken)
    {
        var found = await tasks.FindWithCorrelationAsync(taskId, cancellationToken) ?? throw ApiException.NotFound("Task not found");
        TaskAccess.EnsureVisible(found.Record.UserId, user);
        return found;
    }

    private static async Task SendAsync<T>(ISendEndpointProvider sendEndpoints, T command, CancellationToken cancellationToken) where T : class
    {
        var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.Address(QueueNames.LearningPathSaga));
        await endpoint.Send(command, cancellationToken);
    }
}
