using System.Security.Claims;
using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages;

namespace Pipeline.Edge.Api.Tasks;

/// <summary>Cancel and retry: find a task the caller may change, and hand the command to the saga that owns it.</summary>
public static class TaskCommands
{
    public static async Task<(TaskStatusRecord Record, Guid CorrelationId)> FindOwnAsync(this TaskStore tasks, string taskId,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await tasks.FindWithCorrelationAsync(taskId, ct) ?? throw ApiException.NotFound("Task not found");
        TaskAccess.EnsureVisible(found.Record.UserId, user);
        return found;
    }

    public static async Task SendToSagaAsync<T>(this ISendEndpointProvider sendEndpoints, T command, CancellationToken ct) where T : class
    {
        var endpoint = await sendEndpoints.GetSendEndpoint(QueueNames.Address(QueueNames.LearningPathSaga));
        await endpoint.Send(command, ct);
    }

    public static string StatusUrl(string taskId) => $"/api/tasks/{taskId}/status";
}
