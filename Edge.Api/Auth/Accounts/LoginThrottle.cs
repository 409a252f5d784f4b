using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// Bounds password guessing on one account. Every attempt is counted <em>before</em> its password is checked, in one
/// atomic statement, so however many guesses arrive at once at most MaxFailedLogins are ever evaluated in a window of
/// FailedLoginWindowMinutes; the next attempt locks the account for LockoutMinutes (429 with Retry-After, even with the
/// right password). Further attempts during a lock do not extend it. A successful login clears the count.
/// The key is the account itself once it is found (so its email in any casing or Unicode form and its username share
/// one count), or the normalised login name for names with no account. Counts live in PostgreSQL: every instance
/// enforces the same limit.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider clock)
{
    public static string KeyFor(UserAccount? account, string normalizedLogin) =>
        account is null ? "login:" + normalizedLogin.ToLowerInvariant() : "user:" + account.Id;

    /// <summary>Counts an attempt; throws 429 when the account is locked or this attempt is one too many.</summary>
    public async Task BeginAttemptAsync(string key, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A new window starts when the old one has passed or a lock has run out.
        var lockedUntil = await connection.ExecuteScalarAsync<DateTime?>(
            """
            INSERT INTO login_failures AS f (account, failures, window_start, locked_until)
            VALUES (@key, 1, now(), CASE WHEN 1 > @max THEN now() + @lockout END)
            ON CONFLICT (account) DO UPDATE SET
                failures = CASE WHEN f.locked_until <= now() OR (f.locked_until IS NULL AND f.window_start <= now() - @window)
                                THEN 1 ELSE f.failures + 1 END,
                window_start = CASE WHEN f.locked_until <= now() OR (f.locked_until IS NULL AND f.window_start <= now() - @window)
                                    THEN now() ELSE f.window_start END,
                locked_until = CASE
                    WHEN f.locked_until <= now() OR (f.locked_until IS NULL AND f.window_start <= now() - @window) THEN NULL
                    WHEN f.locked_until > now() THEN f.locked_until
                    WHEN f.failures + 1 > @max THEN now() + @lockout
                    END
            RETURNING locked_until
            """,
            new
            {
                key,
                max = settings.MaxFailedLogins,
                window = TimeSpan.FromMinutes(settings.FailedLoginWindowMinutes),
                lockout = TimeSpan.FromMinutes(settings.LockoutMinutes),
            });
        if (lockedUntil is { } until)
        {
            var seconds = (int)Math.Ceiling((until - clock.GetUtcNow().UtcDateTime).TotalSeconds);
            throw ApiException.TooManyRequests("Too many failed login attempts; try again later", Math.Max(1, seconds));
        }
    }

    public async Task ResetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM login_failures WHERE account = @key", new { key });
    }
}
