using Dapper;
using MassTransit;
using MassTransit.Scheduling;
using Npgsql;

namespace Pipeline.Handlers.Scheduling;

/// <summary>Forgets a scheduled message that was not sent yet (e.g. a saga unscheduling its timeout). Cancelling twice is harmless.</summary>
public sealed class CancelScheduledMessageConsumer(NpgsqlDataSource dataSource) : IConsumer<CancelScheduledMessage>
{
    public async Task Consume(ConsumeContext<CancelScheduledMessage> context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scheduled_messages WHERE token_id = @TokenId",
            new { context.Message.TokenId }, cancellationToken: context.CancellationToken));
    }
}
