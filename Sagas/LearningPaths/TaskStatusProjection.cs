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
    public NpgsqlBatchCommand CreateCommand(LearningPathState instance) => TaskStore.SagaUpsert(Row(instance));

    public async Task<Func<CancellationToken, Task>?> ReadResultAsync(NpgsqlDataReader reader, LearningPathState instance,
        CancellationToken cancellationToken)
    {
        var stored = await TaskStore.ReadStoredAsync(reader, cancellationToken);
        return _ => cache.SetAndPublishAsync(stored);
    }

    private static SagaTaskRow Row(LearningPathState saga) => new(
        saga.PublicTaskId, saga.CorrelationId, saga.UserId, saga.LearningPathId, saga.Status, saga.Stage, saga.Progress,
        saga.Sections.Count == 0 ? null : saga.TotalCards, saga.CompletedCards, saga.ResultMessage, saga.ErrorDetails, saga.Prompt,
        saga.PromptTokens, saga.CompletionTokens, saga.LlmCalls, saga.StartedAt, saga.EndedAt, saga.CreatedAt, saga.UpdatedAt,
        saga.LlmProvider, saga.LlmModel, saga.StageSeconds);
}
