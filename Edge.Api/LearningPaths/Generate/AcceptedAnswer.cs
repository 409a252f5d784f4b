using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Tasks;

namespace Pipeline.Edge.Api.LearningPaths.Generate;

/// <summary>202 with the task's status URL as Location, and where to poll or follow it.</summary>
public static class AcceptedAnswer
{
    public static Task SendAcceptedAsync(this IEndpoint endpoint, string taskId, string message, CancellationToken ct)
    {
        var response = endpoint.HttpContext.Response;
        response.Headers.Location = TaskCommands.StatusUrl(taskId);
        return response.SendAsync(
            new GenerationAcceptedResponse(taskId, TaskStatuses.Pending, message, TaskCommands.StatusUrl(taskId), $"/api/tasks/{taskId}/events"),
            StatusCodes.Status202Accepted, cancellation: ct);
    }
}
