using Npgsql;

namespace Pipeline.Operations.FailedMessages;

/// <summary>Writes of <c>failed_messages</c> from the error-queue ingestion.</summary>
public sealed class FailedMessageStore(NpgsqlDataSource dataSource)
{
    // The same message failing again (after a retry) returns to its row and counts one more failure. The same failure
    // delivered twice (the ingestion died after the commit, before its ack) carries the same MT-Fault-Timestamp and
    // counts nothing.
    private const string Upsert = """
        INSERT INTO failed_messages (id, message_id, queue, message_type, exception_type, exception_message, stack_trace,
            headers, content_type, body, task_id, stage, group_id, first_failed_at, last_failed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $14)
        ON CONFLICT (message_id) DO UPDATE SET
            failure_count = failed_messages.failure_count
                + CASE WHEN failed_messages.last_failed_at = EXCLUDED.last_failed_at THEN 0 ELSE 1 END,
            status = CASE WHEN failed_messages.last_failed_at = EXCLUDED.last_failed_at THEN failed_messages.status ELSE 'unresolved' END,
            status_changed_at = CASE WHEN failed_messages.last_failed_at = EXCLUDED.last_failed_at THEN failed_messages.status_changed_at ELSE now() END,
            queue = EXCLUDED.queue, message_type = EXCLUDED.message_type, exception_type = EXCLUDED.exception_type,
            exception_message = EXCLUDED.exception_message, stack_trace = EXCLUDED.stack_trace, headers = EXCLUDED.headers,
            content_type = EXCLUDED.content_type, body = EXCLUDED.body, task_id = EXCLUDED.task_id, stage = EXCLUDED.stage,
            group_id = EXCLUDED.group_id,
            last_failed_at = GREATEST(failed_messages.last_failed_at, EXCLUDED.last_failed_at)
        """;

    /// <summary>Commits the message; only then may the caller ack it on the error queue.</summary>
    public async Task StoreAsync(IncomingFailedMessage message, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Upsert);
        object?[] values =
        [
            Guid.CreateVersion7(), message.MessageId, message.Queue, message.MessageType, message.ExceptionType, message.ExceptionMessage,
            message.StackTrace, message.HeadersJson, message.ContentType, message.Body, message.TaskId, message.Stage, message.GroupId,
            message.FailedAt,
        ];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
