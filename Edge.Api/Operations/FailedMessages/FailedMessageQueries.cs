using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Operations.FailedMessages;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>Reads and status changes of <c>failed_messages</c> for the ops API.</summary>
public sealed class FailedMessageQueries(NpgsqlDataSource dataSource, TaskStore tasks)
{
    private const string SummaryColumns = """
        id AS "Id", message_id AS "MessageId", queue AS "Queue", message_type AS "MessageType", exception_type AS "ExceptionType",
        exception_message AS "ExceptionMessage", stage AS "Stage", group_id AS "GroupId", task_id AS "TaskCorrelationId",
        failure_count AS "FailureCount", retry_count AS "RetryCount", status AS "Status", first_failed_at AS "FirstFailedAt",
        last_failed_at AS "LastFailedAt"
        """;

    private const string Filter = """
        status = @status AND (@queue::text IS NULL OR queue = @queue) AND (@group::text IS NULL OR group_id = @group)
        """;

    public async Task<FailedMessageGroupList> GroupsAsync(string status, string? queue, string? group, int skip, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { status, queue, group, skip, limit };
        var groups = await connection.QueryAsync<FailedMessageGroup>(new CommandDefinition($"""
            SELECT group_id AS "Id", count(*) AS "Count", min(message_type) AS "MessageType", min(exception_type) AS "ExceptionType",
                   min(stage) AS "Stage", min(first_failed_at) AS "FirstFailedAt", max(last_failed_at) AS "LastFailedAt"
            FROM failed_messages WHERE {Filter}
            GROUP BY group_id ORDER BY max(last_failed_at) DESC, group_id OFFSET @skip LIMIT @limit
            """, args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(DISTINCT group_id) FROM failed_messages WHERE {Filter}", args, cancellationToken: cancellationToken));
        return new FailedMessageGroupList(groups.ToList(), total);
    }

    public async Task<FailedMessageList> MessagesAsync(string status, string? queue, string? group, int skip, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { status, queue, group, skip, limit };
        var messages = await connection.QueryAsync<FailedMessageSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM failed_messages WHERE {Filter} ORDER BY last_failed_at DESC, id OFFSET @skip LIMIT @limit",
            args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM failed_messages WHERE {Filter}", args, cancellationToken: cancellationToken));
        return new FailedMessageList(messages.ToList(), total);
    }

    public async Task<FailedMessageDetail> DetailAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var summary = await connection.QuerySingleOrDefaultAsync<FailedMessageSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM failed_messages WHERE id = @id", new { id }, cancellationToken: cancellationToken))
            ?? throw ApiException.NotFound("Failed message not found");
        var stored = await connection.QuerySingleAsync<(string? StackTrace, string Headers, string? ContentType, byte[] Body)>(new CommandDefinition(
            "SELECT stack_trace, headers::text, content_type, body FROM failed_messages WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        var task = summary.TaskCorrelationId is { } correlationId ? await tasks.FindForFailedMessageAsync(correlationId, cancellationToken) : null;
        using var headers = JsonDocument.Parse(stored.Headers);
        var deliveryRetries = headers.RootElement.TryGetProperty("MT-Fault-RetryCount", out var retries) && retries.ValueKind == JsonValueKind.Number
            ? retries.GetInt32() : (int?)null;
        return new FailedMessageDetail(summary, stored.StackTrace, headers.RootElement.Clone(), stored.ContentType,
            System.Text.Encoding.UTF8.GetString(stored.Body), deliveryRetries, task);
    }

    /// <summary>Moves the selected messages from one status to another; a single message in another status is a 409.</summary>
    public async Task<int> ChangeStatusAsync(FailedMessageSelection selection, string from, string to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE failed_messages SET status = $2, status_changed_at = now() WHERE {selection.Condition} AND status = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = selection.Argument });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        if (changed == 0 && selection.IsSingleMessage)
            await ThrowWhyNotAsync(Guid.Parse(selection.Argument), from, cancellationToken);
        return changed;
    }

    public async Task ThrowWhyNotAsync(Guid id, string expected, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT status FROM failed_messages WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var status = await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw ApiException.NotFound("Failed message not found");
        throw ApiException.Conflict($"The message is {status}, not {expected}");
    }

    public static string ValidStatus(string? status) => status switch
    {
        null or "" => FailedMessageStatuses.Unresolved,
        _ when FailedMessageStatuses.IsKnown(status) => status,
        _ => throw ApiException.BadRequest("status must be unresolved, archived or retried."),
    };
}
