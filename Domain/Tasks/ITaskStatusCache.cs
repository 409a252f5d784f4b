namespace Pipeline.Domain.Tasks;

/// <summary>
/// The hot copy of task statuses and the channel of their changes. PostgreSQL stays the source of truth: every
/// method may fail or miss (the cache is down or cold), and callers then read PostgreSQL.
/// </summary>
public interface ITaskStatusCache
{
    /// <summary>Null when the task is not cached or the cache is unreachable.</summary>
    /// <param name="lastResort">Ask even while the cache is being skipped after a slow answer (PostgreSQL is unreachable too).</param>
    Task<CachedTaskStatus?> TryGetAsync(string taskId, bool lastResort = false);

    /// <summary>
    /// Stores the status (unless a newer one is cached) and announces a change to subscribers. Never throws: a write that
    /// does not happen leaves an older copy behind, which <see cref="TaskStatusReader"/> stops trusting once it is older
    /// than <c>Redis:StatusMaxAgeSeconds</c>.
    /// </summary>
    /// <param name="evenWhileBackingOff">Write even while the cache is being skipped after a slow answer (a new task's first copy).</param>
    Task SetAndPublishAsync(TaskStatusRecord status, bool evenWhileBackingOff = false);

    /// <summary>Calls <paramref name="onChange"/> with each new status JSON of the task until disposed.</summary>
    Task<IAsyncDisposable> SubscribeAsync(string taskId, Func<string, Task> onChange);
}
