using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.ServiceDefaults.Redis;

namespace Pipeline.Domain.Tasks;

/// <summary>
/// Reads a task's status from the cache, or from PostgreSQL when the cache misses, is down, or holds a copy too old to
/// trust (and refills it). A completed or canceled task never changes again, so its cached copy is always good; any
/// other copy is trusted for <see cref="RedisOptions.StatusMaxAgeSeconds"/>, because a cache write can be missed and
/// nothing else would ever correct it. When PostgreSQL cannot be reached, the cached copy is served whatever its age.
/// </summary>
public sealed class TaskStatusReader(ITaskStatusCache cache, TaskStore repository, IOptions<RedisOptions> options)
{
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(options.Value.StatusMaxAgeSeconds);

    public async Task<CachedTaskStatus?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        var cached = await cache.TryGetAsync(taskId);
        if (cached is not null && IsTrusted(cached)) return cached;

        TaskStatusRecord? stored;
        try
        {
            stored = await repository.FindAsync(taskId, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // PostgreSQL is restarting or unreachable: an older status beats an error on every poll, even one from a Redis
            // this reader was skipping after a slow answer.
            var fallback = cached ?? await cache.TryGetAsync(taskId, lastResort: true);
            if (fallback is not null) return fallback;
            throw;
        }
        if (stored is null) return null;
        await cache.SetAndPublishAsync(stored);
        return new CachedTaskStatus(stored.UserId, stored.Status, TaskStatusJson.Serialize(stored));
    }

    private bool IsTrusted(CachedTaskStatus cached) =>
        cached.Status is TaskStatuses.Completed or TaskStatuses.Canceled
        || DateTimeOffset.UtcNow - cached.CachedAt < _maxAge;
}
