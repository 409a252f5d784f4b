using MassTransit;
using Npgsql;
using Pipeline.Domain.Tasks;

namespace Pipeline.Domain.Tracks;

/// <summary>
/// The seed 002 task row of a lesson generation (<c>user_tasks</c> kind 'lesson'): created running by the edge, ended
/// by the lesson worker, and copied to the status cache so the seed 002 routes (status, SSE) follow it like any task.
/// Created 'running', never 'pending', so the learning-path resender leaves it alone.
/// </summary>
public sealed class LessonTaskStore(NpgsqlDataSource dataSource, ITaskStatusCache cache)
{
    public const string Kind = "lesson";
    public const string Stage = "generating_lesson";

    public static string PublicId(long userId, Guid taskId) => $"lesson_gen_{userId}_{taskId:N}";

    public async Task<(Guid TaskId, TaskStatusRecord Status)> CreateAsync(long userId, long moduleId, string moduleTitle, CancellationToken cancellationToken)
    {
        var taskId = NewId.NextGuid();
        var status = await WriteAsync($"""
            INSERT INTO user_tasks (task_id, correlation_id, user_id, status, stage, prompt, kind, total_items, started_at, start_sent_at)
            VALUES ($1, $2, $3, 'running', '{Stage}', $4, '{Kind}', 1, now(), now())
            RETURNING {TaskStatusRepository.Columns}
            """, cancellationToken, PublicId(userId, taskId), taskId, userId, $"Lesson for module {moduleId}: {moduleTitle}");
        return (taskId, status!);
    }

    /// <summary>Ends the task (once): completed, or failed with the reason. Null when it had already ended.</summary>
    public Task<TaskStatusRecord?> EndAsync(Guid taskId, bool succeeded, string? error, CancellationToken cancellationToken) => WriteAsync($"""
        UPDATE user_tasks
        SET status = CASE WHEN $2 THEN 'completed' ELSE 'failed' END, stage = CASE WHEN $2 THEN 'completed' ELSE stage END,
            progress = CASE WHEN $2 THEN 100 ELSE progress END, completed_items = CASE WHEN $2 THEN 1 ELSE completed_items END,
            result_message = CASE WHEN $2 THEN 'Lesson generated' ELSE NULL END, error_details = $3,
            ended_at = now(), updated_at = now()
        WHERE correlation_id = $1 AND kind = '{Kind}' AND status NOT IN ('completed', 'failed', 'canceled', 'timeout')
        RETURNING {TaskStatusRepository.Columns}
        """, cancellationToken, taskId, succeeded, (object?)error ?? DBNull.Value);

    private async Task<TaskStatusRecord?> WriteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        TaskStatusRecord? status = null;
        await using (var command = dataSource.CreateCommand(sql))
        {
            foreach (var value in values)
                command.Parameters.Add(value is DBNull ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken)) status = TaskStatusRepository.Read(reader);
        }
        if (status is not null) await cache.SetAndPublishAsync(status, evenWhileBackingOff: true);
        return status;
    }
}
