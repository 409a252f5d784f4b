namespace Pipeline.Domain.Tasks;

/// <summary>
/// Lets a stage worker check, just before an LLM call, whether the task was canceled. The saga commits the canceled
/// status to user_tasks in the same transaction as its state, so no call starts once the cancel is committed.
/// </summary>
public sealed class TaskCancellation(TaskStore tasks)
{
    public async Task<bool> IsCanceledAsync(Guid taskId, CancellationToken cancellationToken) =>
        await tasks.StatusAsync(taskId, cancellationToken) is TaskStatuses.Canceled;
}
