using Dapper;
using MassTransit;
using MassTransit.Scheduling;
using Npgsql;

namespace Pipeline.Handlers.Scheduling;

/// <summary>
/// Forgets a scheduled message that was not sent yet (e.g. a saga unscheduling its timeout). Cancelling twice is
/// harmless. A cancel that finds nothing leaves a tombstone, in case its schedule is still on its way.
/// </summary>
public sealed class CancelScheduledMessageConsumer(NpgsqlDataSource dataSource) : IConsumer<CancelScheduledMessage>
{
    public async Task Consume(ConsumeContext<CancelScheduledMessage> context)
    {
        var token = context.Message.TokenId;
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        await ScheduleTokenLock.TakeAsync(connection, transaction, token, context.CancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scheduled_messages WHERE token_id = @token", new { token }, transaction, cancellationToken: context.CancellationToken));
        if (deleted == 0)
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO canceled_schedules (token_id) VALUES (@token) ON CONFLICT DO NOTHING",
                new { token }, transaction, cancellationToken: context.CancellationToken));
        await transaction.CommitAsync(context.CancellationToken);
    }
}
