using Dapper;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pipeline.Handlers.Scheduling;

/// <summary>
/// Sends scheduled messages once due. Each round locks a batch of due rows with <c>FOR UPDATE SKIP LOCKED</c>, sends
/// them and deletes them in the same transaction, so several Handlers instances poll side by side without sending a
/// row twice. Delivery is at least once: a crash after a send but before the commit leaves the row to be sent again
/// (consumers are idempotent, and a saga ignores a timeout it no longer waits for).
/// </summary>
public sealed class ScheduledMessagePoller(
    NpgsqlDataSource dataSource,
    IBus bus,
    IOptions<SchedulerOptions> options,
    ILogger<ScheduledMessagePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(settings.BatchSize, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sending due scheduled messages failed; trying again");
            }
            // A full batch means more may be due: go on at once.
            if (sent < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = (await connection.QueryAsync<DueScheduledMessage>(new CommandDefinition(
            """
            SELECT token_id AS TokenId, destination AS Destination, message_types AS MessageTypes, payload::text AS Payload,
                   headers::text AS Headers, message_id AS MessageId, correlation_id AS CorrelationId, conversation_id AS ConversationId,
                   initiator_id AS InitiatorId, request_id AS RequestId, source_address AS SourceAddress,
                   response_address AS ResponseAddress, fault_address AS FaultAddress, expires_at AS ExpiresAt
            FROM scheduled_messages
            WHERE due_at <= now()
            ORDER BY due_at
            LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
            """, new { batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (due.Count == 0)
            return 0;

        var sent = new List<Guid>(due.Count);
        foreach (var message in due)
        {
            try
            {
                var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination));
                await endpoint.Send(new SerializedMessageBody(), new ForwardScheduledMessagePipe(message), cancellationToken);
                sent.Add(message.TokenId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep what was sent: the rest stays due and is retried on the next round.
                logger.LogError(e, "Could not send scheduled message {TokenId} to {Destination}", message.TokenId, message.Destination);
                break;
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scheduled_messages WHERE token_id = ANY(@sent)", new { sent = sent.ToArray() }, transaction,
            cancellationToken: CancellationToken.None));
        await transaction.CommitAsync(CancellationToken.None);
        return sent.Count;
    }
}
