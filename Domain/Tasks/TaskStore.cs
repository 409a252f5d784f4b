using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Domain.Tasks;

/// <summary>
/// The one owner of <c>user_tasks</c>, the source of truth for task status (seed 002): every statement on the table is
/// here, whichever host runs it (the edge accepts and reads, the saga writes inside its own transaction, the lesson
/// worker ends lesson tasks, recovery re-sends unstarted ones, operations search and count).
/// </summary>
public sealed class TaskStore(NpgsqlDataSource dataSource)
{
    /// <summary>What every statement that answers a task's status selects or returns (read by <see cref="Read"/>).</summary>
    private const string Columns = """
        task_id, user_id, learning_path_id, status, stage, progress, total_items, completed_items, result_message,
        error_details, started_at, ended_at, id, created_at, updated_at
        """;

    public async Task<TaskStatusRecord?> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {Columns} FROM user_tasks WHERE task_id = $1", taskId);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<(TaskStatusRecord Record, Guid CorrelationId)?> FindWithCorrelationAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {Columns}, correlation_id FROM user_tasks WHERE task_id = $1", taskId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return (Read(reader), reader.GetGuid(reader.GetOrdinal("correlation_id")));
    }

    public async Task<TaskStatusRecord?> FindAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {Columns} FROM user_tasks WHERE correlation_id = $1", correlationId);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>A task's status alone (null when there is no such task): what a stage worker checks before an LLM call.</summary>
    public async Task<string?> StatusAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT status FROM user_tasks WHERE correlation_id = $1", correlationId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<TaskStatusRecord>> ListForUserAsync(long userId, int skip, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"SELECT {Columns} FROM user_tasks WHERE user_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3", userId, skip, limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<TaskStatusRecord?> LatestForLearningPathAsync(long learningPathId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"SELECT {Columns} FROM user_tasks WHERE learning_path_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1", learningPathId);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>
    /// Records a new learning-path generation as 'pending'; null when the user already sent this idempotency key
    /// (<see cref="FindByIdempotencyKeyAsync"/> then has the first task).
    /// </summary>
    public async Task<TaskStatusRecord?> CreatePendingAsync(string publicId, Guid correlationId, long userId, string prompt, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            INSERT INTO user_tasks (task_id, correlation_id, user_id, status, stage, prompt, idempotency_key)
            VALUES ($1, $2, $3, '{TaskStatuses.Pending}', '{TaskStages.Initializing}', $4, $5)
            ON CONFLICT (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING {Columns}
            """, publicId, correlationId, userId, prompt, Text(idempotencyKey));
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<(Guid CorrelationId, string TaskId, string Prompt)> FindByIdempotencyKeyAsync(long userId, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        await using var command = Command(
            "SELECT correlation_id, task_id, prompt FROM user_tasks WHERE user_id = $1 AND idempotency_key = $2", userId, idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("No task has this idempotency key.");
        return (reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
    }

    /// <summary>Removes a task that is still pending (its command never reached the bus, so it must not stay pending forever).</summary>
    public async Task DeletePendingAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM user_tasks WHERE correlation_id = $1 AND status = '{TaskStatuses.Pending}'", correlationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a retry of a failed or timed-out task if one is allowed now, in one atomic statement (concurrent retries
    /// cannot both pass): at most <paramref name="maxRetries"/> per task, the n-th waiting <paramref name="firstGap"/>
    /// times 2^(n-1) after the previous one.
    /// </summary>
    public async Task<RetryAdmission> AdmitRetryAsync(string taskId, int maxRetries, TimeSpan firstGap, CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            WITH task AS (
                SELECT status, retry_count,
                       CASE WHEN last_retried_at IS NULL THEN 0
                            ELSE ceil(extract(epoch FROM last_retried_at + $3 * power(2, retry_count - 1) - now()))::int END AS wait
                FROM user_tasks WHERE task_id = $1
            ), admitted AS (
                UPDATE user_tasks SET retry_count = retry_count + 1, last_retried_at = now()
                WHERE task_id = $1 AND status IN ('{TaskStatuses.Failed}', '{TaskStatuses.Timeout}') AND retry_count < $2
                  AND (last_retried_at IS NULL OR last_retried_at + $3 * power(2, retry_count - 1) <= now())
                RETURNING retry_count
            )
            SELECT task.status, task.retry_count, task.wait, (SELECT retry_count FROM admitted) FROM task
            """, taskId, maxRetries, firstGap);
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

    /// <summary>
    /// The saga's write of its task row, for the saga's own batch and transaction (so the status a user polls always
    /// matches what the saga decided). Progress and completed items never go down; the statement returns the row as
    /// stored, for <see cref="ReadStoredAsync"/>.
    /// </summary>
    public static NpgsqlBatchCommand SagaUpsert(SagaTaskRow row)
    {
        var command = new NpgsqlBatchCommand($"""
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
            RETURNING {Columns}
            """);
        object?[] values =
        [
            row.TaskId, row.CorrelationId, row.UserId, row.LearningPathId, row.Status, row.Stage, row.Progress, row.TotalItems,
            row.CompletedItems, row.ResultMessage, row.ErrorDetails, row.Prompt, row.PromptTokens, row.CompletionTokens, row.LlmCalls,
            row.StartedAt, row.EndedAt, row.CreatedAt, row.UpdatedAt, row.LlmProvider, row.LlmModel, JsonSerializer.Serialize(row.StageSeconds),
        ];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    /// <summary>The row as <see cref="SagaUpsert"/> left it.</summary>
    public static async Task<TaskStatusRecord> ReadStoredAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException("The task row upsert returned no row.");
        return Read(reader);
    }

    /// <summary>A lesson generation's task (kind 'lesson'): created running, never pending, so the learning-path resender leaves it alone.</summary>
    public async Task<TaskStatusRecord> CreateLessonAsync(string publicId, Guid correlationId, long userId, string description,
        CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            INSERT INTO user_tasks (task_id, correlation_id, user_id, status, stage, prompt, kind, total_items, started_at, start_sent_at)
            VALUES ($1, $2, $3, '{TaskStatuses.Running}', '{LessonStage}', $4, '{LessonKind}', 1, now(), now())
            RETURNING {Columns}
            """, publicId, correlationId, userId, description);
        return (await ReadOneAsync(command, cancellationToken))!;
    }

    /// <summary>Ends a lesson task (once): completed, or failed with the reason. Null when it had already ended.</summary>
    public async Task<TaskStatusRecord?> EndLessonAsync(Guid correlationId, bool succeeded, string? error, CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            UPDATE user_tasks
            SET status = CASE WHEN $2 THEN '{TaskStatuses.Completed}' ELSE '{TaskStatuses.Failed}' END,
                stage = CASE WHEN $2 THEN 'completed' ELSE stage END,
                progress = CASE WHEN $2 THEN 100 ELSE progress END, completed_items = CASE WHEN $2 THEN 1 ELSE completed_items END,
                result_message = CASE WHEN $2 THEN 'Lesson generated' ELSE NULL END, error_details = $3,
                ended_at = now(), updated_at = now()
            WHERE correlation_id = $1 AND kind = '{LessonKind}'
              AND status NOT IN ('{TaskStatuses.Completed}', '{TaskStatuses.Failed}', '{TaskStatuses.Canceled}', '{TaskStatuses.Timeout}')
            RETURNING {Columns}
            """, correlationId, succeeded, Text(error));
        return await ReadOneAsync(command, cancellationToken);
    }

    public const string LessonKind = "lesson";
    public const string LessonStage = "generating_lesson";

    /// <summary>
    /// Claims learning-path tasks still pending with no saga instance <paramref name="resendAfterSeconds"/> after their
    /// command was sent (at most 100, rows other instances hold are skipped), hands them to <paramref name="resend"/>,
    /// and stamps them only if it succeeds (a failed send leaves them for the next round).
    /// </summary>
    public async Task<int> ResendUnstartedAsync(int resendAfterSeconds, Func<IReadOnlyList<UnstartedTask>, Task> resend,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var unstarted = new List<UnstartedTask>();
        await using (var command = new NpgsqlCommand($"""
            WITH due AS (
                SELECT t.id FROM user_tasks t
                WHERE t.status = '{TaskStatuses.Pending}'
                  AND coalesce(t.start_sent_at, t.created_at) < now() - make_interval(secs => $1)
                  AND NOT EXISTS (SELECT 1 FROM saga_instances s WHERE s.correlation_id = t.correlation_id)
                ORDER BY t.id
                LIMIT 100
                FOR UPDATE SKIP LOCKED)
            UPDATE user_tasks t SET start_sent_at = now() FROM due WHERE t.id = due.id
            RETURNING t.correlation_id, t.user_id, t.prompt
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (double)resendAfterSeconds });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                unstarted.Add(new UnstartedTask(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2)));
        }
        if (unstarted.Count == 0) return 0;
        await resend(unstarted);
        await transaction.CommitAsync(cancellationToken);
        return unstarted.Count;
    }

    /// <summary>Task search across all users for operations, newest first, with each task's owner.</summary>
    public async Task<OpsTaskList> SearchAsync(TaskSearch search, CancellationToken cancellationToken)
    {
        var args = new
        {
            search.Status, search.Stage, search.UserId, email = search.EmailPattern, from = search.From?.UtcDateTime,
            to = search.To?.UtcDateTime, search.Skip, search.Limit,
        };
        const string filter = """
            (@Status::text IS NULL OR t.status = @Status) AND (@Stage::text IS NULL OR t.stage = @Stage)
            AND (@UserId::bigint IS NULL OR t.user_id = @UserId) AND (@email::text IS NULL OR u.email ILIKE @email)
            AND (@from::timestamptz IS NULL OR t.created_at >= @from) AND (@to::timestamptz IS NULL OR t.created_at < @to)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tasks = await connection.QueryAsync<OpsTask>(new CommandDefinition($"""
            SELECT t.task_id AS "TaskId", t.correlation_id AS "CorrelationId", t.user_id AS "UserId", u.email AS "UserEmail",
                   t.status AS "Status", t.stage AS "Stage", t.progress AS "Progress", t.total_items AS "TotalItems",
                   t.completed_items AS "CompletedItems", t.error_details AS "ErrorDetails", t.llm_provider AS "LlmProvider",
                   t.llm_model AS "LlmModel", t.prompt_tokens AS "PromptTokens", t.completion_tokens AS "CompletionTokens",
                   t.created_at AS "CreatedAt", t.updated_at AS "UpdatedAt", t.ended_at AS "EndedAt"
            FROM user_tasks t JOIN users u ON u.id = t.user_id
            WHERE {filter}
            ORDER BY t.created_at DESC, t.id DESC OFFSET @Skip LIMIT @Limit
            """, args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM user_tasks t JOIN users u ON u.id = t.user_id WHERE {filter}", args, cancellationToken: cancellationToken));
        return new OpsTaskList(tasks.ToList(), total);
    }

    /// <summary>How long each pipeline stage took, over every task that went through it (the saga's stage timings).</summary>
    public async Task<IReadOnlyList<StageDurationMetric>> StageDurationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StageDurationMetric>(new CommandDefinition("""
            SELECT key AS "Stage", count(*) AS "Tasks",
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY value::float8)::numeric, 3)::float8 AS "P50Seconds",
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY value::float8)::numeric, 3)::float8 AS "P95Seconds",
                   round(avg(value::float8)::numeric, 3)::float8 AS "AvgSeconds"
            FROM user_tasks, jsonb_each_text(stage_seconds)
            GROUP BY key ORDER BY key
            """, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>LLM calls and tokens per provider and model, over the tasks that made any.</summary>
    public async Task<IReadOnlyList<LlmUsageMetric>> LlmUsageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LlmUsageMetric>(new CommandDefinition("""
            SELECT coalesce(llm_provider, 'unknown') AS "Provider", coalesce(llm_model, 'unknown') AS "Model", count(*) AS "Tasks",
                   sum(llm_calls)::bigint AS "Calls", sum(prompt_tokens)::bigint AS "PromptTokens", sum(completion_tokens)::bigint AS "CompletionTokens"
            FROM user_tasks WHERE llm_calls > 0 GROUP BY 1, 2 ORDER BY 1, 2
            """, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The task a failed message belongs to, as its owner polls it (null when there is none).</summary>
    public async Task<FailedMessageTask?> FindForFailedMessageAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FailedMessageTask>(new CommandDefinition("""
            SELECT task_id AS "TaskId", user_id AS "UserId", status AS "Status", stage AS "Stage", progress AS "Progress"
            FROM user_tasks WHERE correlation_id = @correlationId
            """, new { correlationId }, cancellationToken: cancellationToken));
    }

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(value is NpgsqlParameter parameter ? parameter : new NpgsqlParameter { Value = value });
        return command;
    }

    /// <summary>A text parameter that may be null (typed, so PostgreSQL need not infer it).</summary>
    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static async Task<TaskStatusRecord?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static async Task<List<TaskStatusRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var results = new List<TaskStatusRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            results.Add(Read(reader));
        return results;
    }

    /// <summary>A row selected or returned as <see cref="Columns"/>, read by column name.</summary>
    private static TaskStatusRecord Read(NpgsqlDataReader reader)
    {
        T? Get<T>(string column) => reader.GetOrdinal(column) is var i && reader.IsDBNull(i) ? default : reader.GetFieldValue<T>(i);
        return new TaskStatusRecord(
            TaskId: Get<string>("task_id")!,
            UserId: Get<long>("user_id"),
            LearningPathId: Get<long?>("learning_path_id"),
            Status: Get<string>("status")!,
            Stage: Get<string>("stage"),
            Progress: Get<double>("progress"),
            TotalItems: Get<int?>("total_items"),
            CompletedItems: Get<int>("completed_items"),
            ResultMessage: Get<string>("result_message"),
            ErrorDetails: Get<string>("error_details"),
            StartedAt: Get<DateTimeOffset?>("started_at"),
            EndedAt: Get<DateTimeOffset?>("ended_at"),
            Id: Get<long>("id"),
            CreatedAt: Get<DateTimeOffset>("created_at"),
            UpdatedAt: Get<DateTimeOffset>("updated_at"));
    }
}
