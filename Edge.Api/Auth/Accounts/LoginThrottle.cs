using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// Slows password guessing on one account: after MaxFailedLogins failures within FailedLoginWindowMinutes, logins to
/// that account answer 429 with Retry-After for LockoutMinutes, even with the right password. The counts live in
/// PostgreSQL so every instance enforces the same limit. A successful login clears them.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task EnsureAllowedAsync(string login, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockedUntil = await connection.ExecuteScalarAsync<DateTime?>(
            "SELECT locked_until FROM login_failures WHERE account = @account AND locked_until > now()", new { account = Key(login) });
        if (lockedUntil is { } until)
        {
            var seconds = (int)Math.Ceiling((until - clock.GetUtcNow().UtcDateTime).TotalSeconds);
            throw ApiException.TooManyRequests("Too many failed login attempts; try again later", Math.Max(1, seconds));
        }
    }

    public async Task RecordFailureAsync(string login, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A new window starts when the old one has passed or a lockout has run out.
        await connection.ExecuteAsync(
            """
            INSERT INTO login_failures AS f (account, failures, window_start, locked_until)
            VALUES (@account, 1, now(), CASE WHEN 1 >= @max THEN now() + @lockout END)
            ON CONFLICT (account) DO UPDATE SET
                failures = CASE WHEN f.window_start <= now() - @window OR f.locked_until <= now() THEN 1 ELSE f.failures + 1 END,
                window_start = CASE WHEN f.window_start <= now() - @window OR f.locked_until <= now() THEN now() ELSE f.window_start END,
                locked_until = CASE
                    WHEN f.window_start <= now() - @window OR f.locked_until <= now() THEN CASE WHEN 1 >= @max THEN now() + @lockout END
                    WHEN f.failures + 1 >= @max THEN now() + @lockout
                    ELSE f.locked_until END
            """,
            new
            {
                account = Key(login),
                max = settings.MaxFailedLogins,
                window = TimeSpan.FromMinutes(settings.FailedLoginWindowMinutes),
                lockout = TimeSpan.FromMinutes(settings.LockoutMinutes),
            });
    }

    public async Task ResetAsync(string login, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM login_failures WHERE account = @account", new { account = Key(login) });
    }

    private static string Key(string login) => login.Trim().ToLowerInvariant();
}
