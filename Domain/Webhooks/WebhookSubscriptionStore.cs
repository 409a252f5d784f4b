using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Webhooks;

/// <summary>The owner of <c>webhook_subscriptions</c>: instructors' registrations, and the disabling of one that keeps failing.</summary>
public sealed class WebhookSubscriptionStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, webhook_id AS WebhookId, owner_id AS OwnerId, url, events, secret, status, failed_deliveries AS FailedDeliveries,
        disabled_reason AS DisabledReason, disabled_at AS DisabledAt, created_at AS CreatedAt
        """;

    public async Task<WebhookSubscription> CreateAsync(long ownerId, string url, IReadOnlyList<string> events, string secret, bool active,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<WebhookSubscription>(new CommandDefinition($"""
            INSERT INTO webhook_subscriptions (webhook_id, owner_id, url, events, secret, status)
            VALUES (@webhookId, @ownerId, @url, @events, @secret, @status)
            RETURNING {Columns}
            """, new
        {
            webhookId = "webhook-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            ownerId, url, events = events.Distinct().ToArray(), secret,
            status = active ? WebhookStatuses.Active : WebhookStatuses.Inactive,
        }, cancellationToken: cancellationToken));
    }

    public async Task<(IReadOnlyList<WebhookSubscription> Items, int Total)> ListAsync(long ownerId, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM webhook_subscriptions WHERE owner_id = @ownerId AND deleted_at IS NULL", new { ownerId },
            cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<WebhookSubscription>(new CommandDefinition($"""
            SELECT {Columns} FROM webhook_subscriptions WHERE owner_id = @ownerId AND deleted_at IS NULL
            ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset
            """, new { ownerId, limit, offset }, cancellationToken: cancellationToken));
        return (items.ToList(), total);
    }

    /// <summary>The caller's subscription, or null (someone else's is as unknown as a missing one).</summary>
    public async Task<WebhookSubscription?> FindOwnedAsync(long ownerId, string webhookId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WebhookSubscription>(new CommandDefinition($"""
            SELECT {Columns} FROM webhook_subscriptions WHERE webhook_id = @webhookId AND owner_id = @ownerId AND deleted_at IS NULL
            """, new { webhookId, ownerId }, cancellationToken: cancellationToken));
    }

    /// <summary>Stops deliveries for good (pending retries end failed); the row stays for the deliveries' history.</summary>
    public async Task<bool> DeleteAsync(long ownerId, string webhookId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_subscriptions SET deleted_at = now(), status = 'deleted'
            WHERE webhook_id = @webhookId AND owner_id = @ownerId AND deleted_at IS NULL
            """, new { webhookId, ownerId }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Active subscriptions to <paramref name="eventName"/>, optionally only those of one owner.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ActiveForAsync(string eventName, long? ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WebhookSubscription>(new CommandDefinition($"""
            SELECT {Columns} FROM webhook_subscriptions
            WHERE deleted_at IS NULL AND status = 'active' AND events @> ARRAY[@eventName]
              AND (@ownerId::bigint IS NULL OR owner_id = @ownerId)
            """, new { eventName, ownerId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>A delivery succeeded: the failure streak ends.</summary>
    public async Task RecordDeliveredAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_subscriptions SET failed_deliveries = 0 WHERE id = @subscriptionId AND failed_deliveries <> 0",
            new { subscriptionId }, cancellationToken: cancellationToken));
    }

    /// <summary>A delivery ended failed; after <paramref name="disableAfter"/> in a row the subscription is disabled. True when this disabled it.</summary>
    public async Task<bool> RecordFailedAsync(long subscriptionId, int disableAfter, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            UPDATE webhook_subscriptions
            SET failed_deliveries = failed_deliveries + 1,
                status = CASE WHEN status = 'active' AND failed_deliveries + 1 >= @disableAfter THEN 'disabled' ELSE status END,
                disabled_reason = CASE WHEN status = 'active' AND failed_deliveries + 1 >= @disableAfter THEN @reason ELSE disabled_reason END,
                disabled_at = CASE WHEN status = 'active' AND failed_deliveries + 1 >= @disableAfter THEN now() ELSE disabled_at END
            WHERE id = @subscriptionId
            RETURNING status = 'disabled' AND disabled_at = now()
            """, new { subscriptionId, disableAfter, reason }, cancellationToken: cancellationToken));
    }
}
