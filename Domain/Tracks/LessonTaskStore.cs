using MassTransit;
using Pipeline.Domain.Tasks;

namespace Pipeline.Domain.Tracks;

/// <summary>
/// The seed 002 task of a lesson generation (<c>user_tasks</c> kind 'lesson', written through <see cref="TaskStore"/>):
/// created running by the edge, ended by the lesson worker, and copied to the status cache so the seed 002 routes
/// (status, SSE) follow it like any task.
/// </summary>
public sealed class LessonTaskStore(TaskStore tasks, ITaskStatusCache cache)
{
    public static string PublicId(long userId, Guid taskId) => $"lesson_gen_{userId}_{taskId:N}";

    public async Task<(Guid TaskId, TaskStatusRecord Status)> CreateAsync(long userId, long moduleId, string moduleTitle, CancellationToken cancellationToken)
    {
        var taskId = NewId.NextGuid();
        var status = await tasks.CreateLessonAsync(PublicId(userId, taskId), taskId, userId, $"Lesson for module {moduleId}: {moduleTitle}", cancellationToken);
        await cache.SetAndPublishAsync(status, evenWhileBackingOff: true);
        return (taskId, status);
    }

    /// <summary>Ends the task (once): completed, or failed with the reason. Null when it had already ended.</summary>
    public async Task<TaskStatusRecord?> EndAsync(Guid taskId, bool succeeded, string? error, CancellationToken cancellationToken)
    {
        var status = await tasks.EndLessonAsync(taskId, succeeded, error, cancellationToken);
        if (status is not null) await cache.SetAndPublishAsync(status, evenWhileBackingOff: true);
        return status;
    }
}
