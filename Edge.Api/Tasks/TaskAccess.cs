using System.Security.Claims;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tasks;

/// <summary>Seed 002's rule: a task is visible to its owner and to administrators; others get 403, unknown ids 404.</summary>
public static class TaskAccess
{
    public static async Task<CachedTaskStatus> GetVisibleAsync(this TaskStatusReader reader, string taskId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (taskId.Length > 200) throw ApiException.NotFound("Task not found");
        var status = await reader.GetAsync(taskId, cancellationToken) ?? throw ApiException.NotFound("Task not found");
        EnsureVisible(status.UserId, user);
        return status;
    }

    public static void EnsureVisible(long ownerId, ClaimsPrincipal user)
    {
        if (ownerId != user.UserId() && !user.IsAdmin())
            throw ApiException.Forbidden("Not authorized to access this task");
    }
}
