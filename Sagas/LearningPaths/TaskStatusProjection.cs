using Npgsql;
using Pipeline.Domain.Tasks;
using Pipeline.Sagas.Persistence;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// Keeps seed 002's task row in the saga's transaction, and after commit refreshes the Redis copy and announces the
/// change on the task's channel (live progress). The cache gets what PostgreSQL holds, so the two cannot drift.
/// </summary>
public sealed class TaskStatusProjection(TaskStatusRepository tasks, ITaskStatusCache cache) : ISagaStateProjection<LearningPathState>
{
    public Task ProjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LearningPathState instance,
        CancellationToken cancellationToken) =>
        TaskRowWriter.WriteAsync(connection, transaction, instance, cancellationToken);

    public async Task AfterCommitAsync(LearningPathState instance, CancellationToken cancellationToken)
    {
        var stored = await tasks.FindAsync(instance.CorrelationId, cancellationToken);
        if (stored is not null)
            await cache.SetAndPublishAsync(stored);
    }
}
