using Npgsql;

namespace Pipeline.Domain.Tasks;

/// <summary>Reads of <c>user_tasks</c>, the source of truth for task status.</summary>
public sealed class TaskStatusRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Columns = """
        task_id, user_id, learning_path_id, status, stage, progress, total_items, completed_items, result_message,
        error_details, started_at, ended_at, id, created_at, updated_at
        """;

    public async Task<TaskStatusRecord?> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM user_tasks WHERE task_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<(TaskStatusRecord Record, Guid CorrelationId)?> FindWithCorrelationAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, correlation_id FROM user_tasks WHERE task_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return (Read(reader), reader.GetGuid(15));
    }

    public async Task<TaskStatusRecord?> FindAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM user_tasks WHERE correlation_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = correlationId });
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<TaskStatusRecord>> ListForUserAsync(long userId, int skip, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM user_tasks WHERE user_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = skip });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Records a retry of a failed or timed-out task if one is allowed now, in one atomic statement (concurrent retries
    /// cannot both pass): at most <paramref name="maxRetries"/> per task, the n-th waiting <paramref name="firstGap"/>
    /// times 2^(n-1) after the previous one.
    /// </summary>
    public async Task<RetryAdmission> AdmitRetryAsync(string taskId, int maxRetries, TimeSpan firstGap, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH task AS (
                SELECT status, retry_count,
                       CASE WHEN last_retried_at IS NULL THEN 0
                            ELSE ceil(extract(epoch FROM last_retried_at + $3 * power(2, retry_count - 1) - now()))::int END AS wait
                FROM user_tasks WHERE task_id = $1
            ), admitted AS (
                UPDATE user_tasks SET retry_count = retry_count + 1, last_retried_at = now()
                WHERE task_id = $1 AND status IN ('failed', 'timeout') AND retry_count < $2
                  AND (last_retried_at IS NULL OR last_retried_at + $3 * power(2, retry_count - 1) <= now())
                RETURNING retry_count
            )
            SELECT task.status, task.retry_count, task.wait, (SELECT retry_count FROM admitted) FROM task
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = maxRetries });
        command.Parameters.Add(new NpgsqlParameter { Value = firstGap });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return new RetryAdmission(RetryVerdict.NotRetryable, "", 0);
        var status = reader.GetString(0);
        var count = reader.GetInt32(1);
        if (!reader.IsDBNull(3)) return new RetryAdmission(RetryVerdict.Admitted, status, reader.GetInt32(3));
        if (status is not (TaskStatuses.Failed or TaskStatuses.Timeout)) return new RetryAdmission(RetryVerdict.NotRetryable, status, count);
        if (count >= maxRetries) return new RetryAdmission(RetryVerdict.TooManyRetries, status, count);
        return new RetryAdmission(RetryVerdict.TooSoon, status, count, Math.Max(1, reader.GetInt32(2)));
    }

    public async Task<TaskStatusRecord?> LatestForLearningPathAsync(long learningPathId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM user_tasks WHERE learning_path_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = learningPathId });
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    private static async Task<List<TaskStatusRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var results = new List<TaskStatusRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            results.Add(Read(reader));
        return results;
    }

    /// <summary>A row selected (or returned) as <see cref="Columns"/>.</summary>
    public static TaskStatusRecord Read(NpgsqlDataReader reader) =>
            new TaskStatusRecord(
                TaskId: reader.GetString(0),
                UserId: reader.GetInt64(1),
                LearningPathId: reader.IsDBNull(2) ? null : reader.GetInt64(2),
                Status: reader.GetString(3),
                Stage: reader.IsDBNull(4) ? null : reader.GetString(4),
                Progress: reader.GetDouble(5),
                TotalItems: reader.IsDBNull(6) ? null : reader.GetInt32(6),
                CompletedItems: reader.GetInt32(7),
                ResultMessage: reader.IsDBNull(8) ? null : reader.GetString(8),
                ErrorDetails: reader.IsDBNull(9) ? null : reader.GetString(9),
                StartedAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                EndedAt: reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                Id: reader.GetInt64(12),
                CreatedAt: reader.GetFieldValue<DateTimeOffset>(13),
                UpdatedAt: reader.GetFieldValue<DateTimeOffset>(14));
}
