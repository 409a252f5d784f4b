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
