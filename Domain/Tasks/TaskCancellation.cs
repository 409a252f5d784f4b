using Npgsql;

namespace Pipeline.Domain.Tasks;

/// <summary>
/// Lets a stage worker check, just before an LLM call, whether the task was canceled. The saga commits the canceled
/// status to user_tasks in the same transaction as its state, so no call starts once the cancel is committed.
/// </summary>
public sealed class TaskCancellation(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsCanceledAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT status FROM user_tasks WHERE correlation_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        return await command.ExecuteScalarAsync(cancellationToken) is TaskStatuses.Canceled;
    }
}
