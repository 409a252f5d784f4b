using Npgsql;
using Pipeline.Domain.Tasks;
using Pipeline.Sagas.Persistence;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// Keeps seed 002's task row in the saga's transaction, and after commit refreshes the Redis copy and announces the
/// change on the task's channel (live progress). The cache gets the row exactly as PostgreSQL stored it, so the two
/// cannot drift.
/// </summary>
public sealed class TaskStatusProjection(ITaskStatusCache cache) : ISagaStateProjection<LearningPathState>
{
    public NpgsqlBatchCommand CreateCommand(LearningPathState instance) => TaskRowWriter.Command(instance);

    public async Task<Func<CancellationToken, Task>?> ReadResultAsync(NpgsqlDataReader reader, LearningPathState instance,
        CancellationToken cancellationToken)
    {
        var stored = await TaskRowWriter.ReadStoredAsync(reader, cancellationToken);
        return _ => cache.SetAndPublishAsync(stored);
    }
}
