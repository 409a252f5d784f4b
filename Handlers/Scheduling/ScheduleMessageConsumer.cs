using System.Text.Json;
using Dapper;
using MassTransit;
using MassTransit.Scheduling;
using MassTransit.Serialization;
using Npgsql;

namespace Pipeline.Handlers.Scheduling;

/// <summary>
/// Keeps a scheduled message in <c>scheduled_messages</c> until <see cref="ScheduledMessagePoller"/> sends it. The
/// scheduling side put the payload's own identifiers and headers on the ScheduleMessage envelope (redelivery counts,
/// correlation), so they are stored with it and restored when it is sent.
/// </summary>
public sealed class ScheduleMessageConsumer(NpgsqlDataSource dataSource) : IConsumer<ScheduleMessage>
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var message = context.Message;
        var payload = message.Payload is JsonElement element
            ? element.GetRawText()
            : JsonSerializer.Serialize(message.Payload, SystemTextJsonMessageSerializer.Options);
        var headers = JsonSerializer.Serialize(context.Headers.GetAll().ToDictionary(h => h.Key, h => h.Value), SystemTextJsonMessageSerializer.Options);

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        await ScheduleTokenLock.TakeAsync(connection, transaction, message.CorrelationId, context.CancellationToken);
        // Its cancel came first: drop the schedule (and the tombstone, which has done its job).
        if (await connection.ExecuteAsync(new CommandDefinition("DELETE FROM canceled_schedules WHERE token_id = @CorrelationId",
                new { message.CorrelationId }, transaction, cancellationToken: context.CancellationToken)) > 0)
        {
            await transaction.CommitAsync(context.CancellationToken);
            return;
        }
        // The token identifies the schedule: a redelivered ScheduleMessage, or a new one with the same token, replaces it.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO scheduled_messages (token_id, destination, due_at, message_types, payload, headers, message_id, correlation_id,
                conversation_id, initiator_id, request_id, source_address, response_address, fault_address, expires_at)
            VALUES (@TokenId, @Destination, @DueAt, @MessageTypes, @Payload::jsonb, @Headers::jsonb, @MessageId, @CorrelationId,
                @ConversationId, @InitiatorId, @RequestId, @SourceAddress, @ResponseAddress, @FaultAddress, @ExpiresAt)
            ON CONFLICT (token_id) DO UPDATE SET
                destination = excluded.destination, due_at = excluded.due_at, message_types = excluded.message_types,
                payload = excluded.payload, headers = excluded.headers, message_id = excluded.message_id,
                correlation_id = excluded.correlation_id, conversation_id = excluded.conversation_id,
                initiator_id = excluded.initiator_id, request_id = excluded.request_id, source_address = excluded.source_address,
                response_address = excluded.response_address, fault_address = excluded.fault_address, expires_at = excluded.expires_at
            """,
            new
            {
                TokenId = message.CorrelationId,
                Destination = message.Destination.ToString(),
                DueAt = AsUtc(message.ScheduledTime),
                MessageTypes = message.PayloadType,
                Payload = payload,
                Headers = headers,
                context.MessageId,
                context.CorrelationId,
                context.ConversationId,
                context.InitiatorId,
                context.RequestId,
                SourceAddress = context.SourceAddress?.ToString(),
                ResponseAddress = context.ResponseAddress?.ToString(),
                FaultAddress = context.FaultAddress?.ToString(),
                ExpiresAt = context.ExpirationTime is { } expires ? AsUtc(expires) : (DateTime?)null,
            },
            transaction,
            cancellationToken: context.CancellationToken));
        await transaction.CommitAsync(context.CancellationToken);
    }

    // Npgsql writes only UTC DateTimes to timestamptz; MassTransit documents ScheduledTime as UTC but may hand it over unmarked.
    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };
}
