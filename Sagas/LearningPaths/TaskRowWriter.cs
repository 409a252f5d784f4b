using System.Text.Json;
using Npgsql;
using Pipeline.Domain.Tasks;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// Writes seed 002's task row from the saga state, inside the saga's own transaction, so the status a user polls
/// always matches what the saga decided. Progress in the row never goes down. The statement returns the row as stored
/// (after those rules), which is what the Redis copy gets, without reading it again.
/// </summary>
public static class TaskRowWriter
{
    private const string Upsert = """
        INSERT INTO user_tasks (task_id, correlation_id, user_id, learning_path_id, status, stage, progress, total_items,
            completed_items, result_message, error_details, prompt, prompt_tokens, completion_tokens, llm_calls,
            started_at, ended_at, created_at, updated_at, llm_provider, llm_model, stage_seconds)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::jsonb)
        ON CONFLICT (correlation_id) DO UPDATE SET
            learning_path_id = EXCLUDED.learning_path_id,
            status = EXCLUDED.status,
            stage = EXCLUDED.stage,
            progress = GREATEST(user_tasks.progress, EXCLUDED.progress),
            total_items = EXCLUDED.total_items,
            completed_items = GREATEST(user_tasks.completed_items, EXCLUDED.completed_items),
            result_message = EXCLUDED.result_message,
            error_details = EXCLUDED.error_details,
            prompt_tokens = EXCLUDED.prompt_tokens,
            completion_tokens = EXCLUDED.completion_tokens,
            llm_calls = EXCLUDED.llm_calls,
            llm_provider = EXCLUDED.llm_provider,
            llm_model = EXCLUDED.llm_model,
            stage_seconds = EXCLUDED.stage_seconds,
            started_at = COALESCE(user_tasks.started_at, EXCLUDED.started_at),
            ended_at = EXCLUDED.ended_at,
            updated_at = GREATEST(user_tasks.updated_at, EXCLUDED.updated_at)
        RETURNING
        """ + " " + TaskStatusRepository.Columns;

    public static NpgsqlBatchCommand Command(LearningPathState saga)
    {
        var command = new NpgsqlBatchCommand(Upsert);
        object?[] values =
        [
            saga.PublicTaskId, saga.CorrelationId, saga.UserId, saga.LearningPathId, saga.Status, saga.Stage, saga.Progress,
            saga.Sections.Count == 0 ? null : saga.TotalCards, saga.CompletedCards, saga.ResultMessage, saga.ErrorDetails,
            saga.Prompt, saga.PromptTokens, saga.CompletionTokens, saga.LlmCalls, saga.StartedAt, saga.EndedAt, saga.CreatedAt,
            saga.UpdatedAt, saga.LlmProvider, saga.LlmModel, JsonSerializer.Serialize(saga.StageSeconds),
        ];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    /// <summary>The row as the upsert left it.</summary>
    public static async Task<TaskStatusRecord> ReadStoredAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException("The task row upsert returned no row.");
        return TaskStatusRepository.Read(reader);
    }
}
