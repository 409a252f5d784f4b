using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Webhooks;

/// <summary>
/// The owner of <c>webhook_deliveries</c> and their <c>webhook_delivery_attempts</c>: one delivery per subscription and
/// event (a redelivered bus event adds none), each attempt claimed once (a redelivered command sends nothing twice).
/// </summary>
public sealed class WebhookDeliveryStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        d.id, d.delivery_id AS DeliveryId, d.subscription_id AS SubscriptionId, d.event, d.body, d.status, d.attempts,
        d.last_status_code AS LastStatusCode, d.last_error AS LastError, d.next_attempt_at AS NextAttemptAt,
        d.redelivery_of AS RedeliveryOf, d.created_at AS CreatedAt, d.first_attempt_at AS FirstAttemptAt, d.completed_at AS CompletedAt
        """;

    private static string NewId() => "delivery-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>Stores a delivery; null when this subscription already has one for <paramref name="eventKey"/> that was attempted.</summary>
    public async Task<string?> AddAsync(long subscriptionId, string eventName, string eventKey, string body, CancellationToken cancellationToken,
        string? redeliveryOf = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // On a conflict the existing delivery comes back while no attempt was made yet: a bus event redelivered after
        // the row was stored but before its first attempt was sent still gets it sent (attempts are claimed once).
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            INSERT INTO webhook_deliveries AS d (delivery_id, subscription_id, event, event_key, body, redelivery_of, next_attempt_at)
            VALUES (@deliveryId, @subscriptionId, @eventName, @eventKey, @body, @redeliveryOf, now())
            ON CONFLICT (subscription_id, event_key) DO UPDATE SET event_key = EXCLUDED.event_key WHERE d.attempts = 0
            RETURNING delivery_id
            """, new { deliveryId = NewId(), subscriptionId, eventName, eventKey, body, redeliveryOf }, cancellationToken: cancellationToken));
    }

    /// <summary>A copy of a finished delivery, sent again from attempt 1 (seed: redeliver).</summary>
    public Task<string?> AddRedeliveryAsync(WebhookDelivery original, CancellationToken cancellationToken) =>
        AddAsync(original.SubscriptionId, original.Event, $"redelivery:{original.DeliveryId}:{Guid.NewGuid():N}", original.Body, cancellationToken,
            original.DeliveryId);

    /// <summary>
    /// Claims attempt <paramref name="attempt"/> of a pending delivery: null when it was made already (a redelivered
    /// command) or the delivery is finished.
    /// </summary>
    public async Task<WebhookDeliveryWork?> ClaimAttemptAsync(string deliveryId, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimedRow>(new CommandDefinition("""
            WITH claimed AS (
                UPDATE webhook_deliveries SET attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()), next_attempt_at = NULL
                WHERE delivery_id = @deliveryId AND status = 'pending' AND attempts = @attempt - 1
                RETURNING *)
            SELECT d.id, d.delivery_id AS DeliveryId, d.subscription_id AS SubscriptionId, d.event, d.body, d.status, d.attempts,
                   d.redelivery_of AS RedeliveryOf, d.created_at AS CreatedAt, d.first_attempt_at AS FirstAttemptAt,
                   s.webhook_id AS WebhookId, s.url AS Url, s.secret AS Secret, s.status AS SubscriptionStatus, s.owner_id AS OwnerId
            FROM claimed d JOIN webhook_subscriptions s ON s.id = d.subscription_id
            """, new { deliveryId, attempt }, cancellationToken: cancellationToken));
        return row is null ? null : new WebhookDeliveryWork(
            new WebhookDelivery(row.Id, row.DeliveryId, row.SubscriptionId, row.Event, row.Body, row.Status, row.Attempts, null, null, null,
                row.RedeliveryOf, row.CreatedAt, row.FirstAttemptAt, null), row.WebhookId, row.Url, row.Secret, row.SubscriptionStatus, row.OwnerId);
    }

    private sealed record ClaimedRow(long Id, string DeliveryId, long SubscriptionId, string Event, string Body, string Status, int Attempts,
        string? RedeliveryOf, DateTime CreatedAt, DateTime? FirstAttemptAt, string WebhookId, string Url, string Secret, string SubscriptionStatus, long OwnerId);

    /// <summary>Records an attempt's outcome and where the delivery stands after it.</summary>
    public async Task RecordAttemptAsync(long id, int attempt, int? statusCode, string? error, int durationMs, string status, DateTimeOffset? nextAttemptAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_delivery_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES (@id, @attempt, @statusCode, @error, @durationMs)
            ON CONFLICT DO NOTHING
            """, new { id, attempt, statusCode, error, durationMs }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_deliveries SET status = @status, last_status_code = @statusCode, last_error = @error, next_attempt_at = @nextAttemptAt,
                   completed_at = CASE WHEN @status <> 'pending' THEN now() END
            WHERE id = @id
            """, new { id, status, statusCode, error, nextAttemptAt }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> ListAsync(long subscriptionId, int limit, int offset,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM webhook_deliveries WHERE subscription_id = @subscriptionId", new { subscriptionId }, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<WebhookDelivery>(new CommandDefinition($"""
            SELECT {Columns} FROM webhook_deliveries d WHERE d.subscription_id = @subscriptionId ORDER BY d.id DESC LIMIT @limit OFFSET @offset
            """, new { subscriptionId, limit, offset }, cancellationToken: cancellationToken));
        return (items.ToList(), total);
    }

    public async Task<IReadOnlyList<WebhookDeliveryAttempt>> AttemptsAsync(IReadOnlyList<long> deliveryIds, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WebhookDeliveryAttempt>(new CommandDefinition("""
            SELECT delivery_id AS DeliveryId, attempt, status_code AS StatusCode, error, duration_ms AS DurationMs, attempted_at AS AttemptedAt
            FROM webhook_delivery_attempts WHERE delivery_id = ANY(@ids) ORDER BY delivery_id, attempt
            """, new { ids = deliveryIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<WebhookDelivery?> FindAsync(long subscriptionId, string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WebhookDelivery>(new CommandDefinition($"""
            SELECT {Columns} FROM webhook_deliveries d WHERE d.subscription_id = @subscriptionId AND d.delivery_id = @deliveryId
            """, new { subscriptionId, deliveryId }, cancellationToken: cancellationToken));
    }
}
