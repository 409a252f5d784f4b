using System.Text.Json;
using Npgsql;
using Pipeline.Operations.Broker;
using Pipeline.Operations.FailedMessages;
using RabbitMQ.Client;

namespace Pipeline.Operations.FailedMessages;

/// <summary>
/// Sends failed messages back to the queue they failed in. For each batch: lock the rows (<c>FOR UPDATE SKIP LOCKED</c>,
/// so two operators never send the same message twice at once), publish each stored body and headers to the default
/// exchange with routing key = queue, mandatory, and wait for the broker's publisher confirm; only then mark the rows
/// <c>retried</c> and commit. If the process dies after a confirm and before the commit, the rows are still unresolved
/// and will be sent again by the next retry: at-least-once, never lost. A second copy is harmless because every stage
/// worker and the saga are idempotent (a section with cards is not generated again, saving finds the saved path,
/// duplicate completions are ignored).
/// </summary>
public sealed class FailedMessageRetrier(NpgsqlDataSource dataSource, BrokerConnection broker, ILogger<FailedMessageRetrier> logger)
{
    private const int BatchSize = 100;

    public async Task<int> RetryAsync(FailedMessageSelection selection, CancellationToken cancellationToken)
    {
        // A single message may be retried from the archive too; groups and queues retry what is in the list.
        var statuses = selection.IsSingleMessage
            ? new[] { FailedMessageStatuses.Unresolved, FailedMessageStatuses.Archived }
            : [FailedMessageStatuses.Unresolved];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var channel = await broker.CreateChannelAsync(publisherConfirms: true, cancellationToken);
        var sent = new List<Guid>();
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var batch = await LockBatchAsync(connection, transaction, selection, statuses, sent, cancellationToken);
            if (batch.Count == 0) break;
            foreach (var message in batch)
                await PublishAsync(channel, message, cancellationToken);
            await MarkRetriedAsync(connection, transaction, batch.Select(m => m.Id).ToArray(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent.AddRange(batch.Select(m => m.Id));
            logger.LogInformation("Retried {Count} failed messages ({Condition} {Argument})", batch.Count, selection.Condition, selection.Argument);
        }
        return sent.Count;
    }

    private static async Task<List<StoredMessage>> LockBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        FailedMessageSelection selection, string[] statuses, List<Guid> alreadySent, CancellationToken cancellationToken)
    {
        // Messages this call already sent are left out: one that failed again meanwhile waits for the next retry.
        await using var command = new NpgsqlCommand($"""
            SELECT id, message_id, queue, headers::text, content_type, body FROM failed_messages
            WHERE {selection.Condition} AND status = ANY($2) AND NOT (id = ANY($3))
            ORDER BY first_failed_at, id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = selection.Argument });
        command.Parameters.Add(new NpgsqlParameter { Value = statuses });
        command.Parameters.Add(new NpgsqlParameter { Value = alreadySent.ToArray() });
        var batch = new List<StoredMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            batch.Add(new StoredMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<byte[]>(5)));
        return batch;
    }

    private static async Task PublishAsync(IChannel channel, StoredMessage message, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = message.ContentType,
            MessageId = message.MessageId.StartsWith("sha256:", StringComparison.Ordinal) ? null : message.MessageId,
            Headers = RetryHeaders.From(message.HeadersJson),
        };
        // With confirmation tracking on, this completes when the broker has confirmed the message (and throws on a nack,
        // or on a return because the queue no longer exists): nothing is marked retried that the broker did not take.
        await channel.BasicPublishAsync(exchange: "", routingKey: message.Queue, mandatory: true, basicProperties: properties,
            body: message.Body, cancellationToken);
    }

    private static async Task MarkRetriedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] ids,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE failed_messages SET status = 'retried', retry_count = retry_count + 1, status_changed_at = now()
            WHERE id = ANY($1)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record StoredMessage(Guid Id, string MessageId, string Queue, string HeadersJson, string? ContentType, byte[] Body);
}
