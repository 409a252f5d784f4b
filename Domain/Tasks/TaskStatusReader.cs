namespace Pipeline.Domain.Tasks;

/// <summary>Reads a task's status from the cache, or from PostgreSQL when the cache misses or is down (and refills it).</summary>
public sealed class TaskStatusReader(ITaskStatusCache cache, TaskStatusRepository repository)
{
    public async Task<CachedTaskStatus?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        var cached = await cache.TryGetAsync(taskId);
        if (cached is not null) return cached;

        var stored = await repository.FindAsync(taskId, cancellationToken);
        if (stored is null) return null;
        await cache.SetAndPublishAsync(stored);
        return new CachedTaskStatus(stored.UserId, stored.Status, TaskStatusJson.Serialize(stored));
    }
}
