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
/// enforces the same limit. A device the account already logged in on is counted apart and only slowed down
/// (<see cref="BeginKnownDeviceAttemptAsync"/>): a lock caused by others does not keep the owner out of it.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider clock)
{
    public static string KeyFor(UserAccount? account, string normalizedLogin) =>
        account is null ? "login:" + normalizedLogin.ToLowerInvariant() : "user:" + account.Id;

    public static string KeyFor(KnownDevices.Device device) => $"device:{device.UserId}:{device.DeviceId}";

    /// <summary>
    /// Counts an attempt from a device the account logged in on before (<see cref="KnownDevices"/>): it never meets the
    /// account's lock. Its own failures slow it down progressively instead: MaxFailedLogins - 1 attempts in a row are
    /// free, then each failed attempt makes the next wait 1, 2, 4 ... seconds, up to LockoutMinutes; attempts during a
    /// wait are refused (429 with Retry-After) and not counted. The count is forgotten after FailedLoginWindowMinutes
    /// without an attempt (counted from the end of the last wait), or at a successful login.
    /// </summary>
    public async Task BeginKnownDeviceAttemptAsync(string key, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // window_start is the last admitted attempt here: an admitted attempt sets it to now() (the statement's time), a
        // refused one leaves it, which tells the two apart in RETURNING.
        var (admitted, lockedUntil) = await connection.QuerySingleAsync<(bool, DateTime?)>(
            """
            INSERT INTO login_failures AS f (account, failures, window_start, locked_until)
            VALUES (@key, 1, now(), CASE WHEN 1 >= @max THEN now() + least(@lockout, make_interval(secs => power(2::float8, 1 - @max))) END)
            ON CONFLICT (account) DO UPDATE SET
                failures = CASE WHEN f.locked_until > now() THEN f.failures
                                WHEN coalesce(f.locked_until, f.window_start) <= now() - @window THEN 1
                                ELSE f.failures + 1 END,
                locked_until = CASE
                    WHEN f.locked_until > now() THEN f.locked_until
                    WHEN coalesce(f.locked_until, f.window_start) <= now() - @window
                        THEN CASE WHEN 1 >= @max THEN now() + least(@lockout, make_interval(secs => power(2::float8, 1 - @max))) END
                    WHEN f.failures + 1 >= @max
                        THEN now() + least(@lockout, make_interval(secs => power(2::float8, least(f.failures + 1 - @max, 30))))
                    END,
                window_start = CASE WHEN f.locked_until > now() THEN f.window_start ELSE now() END
            RETURNING window_start = now(), locked_until
            """,
            new
            {
                key,
                max = settings.MaxFailedLogins,
                window = TimeSpan.FromMinutes(settings.FailedLoginWindowMinutes),
                lockout = TimeSpan.FromMinutes(settings.LockoutMinutes),
            });
        if (!admitted && lockedUntil is { } until)
        {
            var seconds = (int)Math.Ceiling((until - clock.GetUtcNow().UtcDateTime).TotalSeconds);
            throw ApiException.TooManyRequests("Too many failed login attempts; try again later", Math.Max(1, seconds));
        }
    }

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
