using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pipeline.Handlers.Guests;

/// <summary>
/// Deletes guest accounts nobody can use any more: a guest has no password, so once its sessions have expired (plus
/// <see cref="GuestAccountOptions.PurgeAfterHours"/>) it can never sign in again, and its rows would stay forever.
/// Everything it owns goes with it (foreign keys cascade). Safe with several Handlers instances: a delete is idempotent.
/// </summary>
public sealed class ExpiredGuestPurger(NpgsqlDataSource dataSource, IOptions<GuestAccountOptions> options, ILogger<ExpiredGuestPurger> logger)
    : BackgroundService
{
    /// <summary>Deletes at most <paramref name="batch"/> expired guests; returns how many.</summary>
    public async Task<int> PurgeAsync(int batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM users WHERE id IN (
                SELECT u.id FROM users u
                WHERE u.is_guest AND u.created_at < now() - @grace
                  AND NOT EXISTS (SELECT 1 FROM auth_sessions s
                                  WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now() - @grace)
                LIMIT @batch)
            """, new { grace = TimeSpan.FromHours(options.Value.PurgeAfterHours), batch }, cancellationToken: cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckEverySeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    int purged;
                    do
                    {
                        purged = await PurgeAsync(500, stoppingToken);
                        if (purged > 0) logger.LogInformation("Deleted {Count} expired guest account(s)", purged);
                    } while (purged == 500);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Purging expired guests failed; trying again later");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
