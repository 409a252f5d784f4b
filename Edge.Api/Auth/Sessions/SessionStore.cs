using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Edge.Api.Auth.Tokens;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Sessions;

/// <summary>
/// Login sessions and their refresh-token families. A refresh token is good once: using it issues the next one in the
/// same session. Presenting an already-used one means someone holds a copy, so the whole session is revoked.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource dataSource, IOptions<AuthOptions> options, ActiveSessions activeSessions, ILogger<SessionStore> logger)
{
    private TimeSpan RefreshLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);
    private TimeSpan AbsoluteLifetime => TimeSpan.FromDays(options.Value.AbsoluteSessionDays);

    public async Task<NewSession> OpenAsync(long userId, CancellationToken cancellationToken)
    {
        var sessionId = Guid.CreateVersion7();
        var refreshToken = RefreshToken.New();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            WITH session AS (
                INSERT INTO auth_sessions (id, user_id, expires_at) VALUES (@sessionId, @userId, now() + least(@lifetime, @absolute))
                RETURNING id, expires_at)
            INSERT INTO refresh_tokens (token_hash, session_id, expires_at)
            SELECT @hash, id, expires_at FROM session
            """,
            new { sessionId, userId, lifetime = RefreshLifetime, absolute = AbsoluteLifetime, hash = RefreshToken.Hash(refreshToken) });
        return new NewSession(sessionId, userId, refreshToken);
    }

    /// <summary>Trades a refresh token for the next one in its session; 401 when it is unknown, expired, used or revoked.</summary>
    public async Task<NewSession> RotateAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = RefreshToken.Hash(refreshToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Row lock: two concurrent uses of one token are serialised, and the second counts as reuse.
        var current = await connection.QuerySingleOrDefaultAsync<PresentedToken>(
            """
            SELECT t.session_id AS SessionId, s.user_id AS UserId, t.used_at IS NOT NULL AS Used,
                   t.expires_at <= now() OR s.expires_at <= now() OR s.created_at + @absolute <= now() AS Expired,
                   s.revoked_at IS NOT NULL AS Revoked
            FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
            WHERE t.token_hash = @hash
            FOR UPDATE OF t, s
            """, new { hash, absolute = AbsoluteLifetime }, transaction);
        if (current is null)
            throw ApiException.Unauthorized("Invalid refresh token");
        if (current.Used && !current.Revoked)
        {
            await connection.ExecuteAsync(
                "UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh_token_reuse' WHERE id = @SessionId",
                new { current.SessionId }, transaction);
            await transaction.CommitAsync(cancellationToken);
            activeSessions.Forget(current.SessionId);
            logger.LogWarning("Refresh token reused: session {SessionId} of user {UserId} revoked", current.SessionId, current.UserId);
            throw ApiException.Unauthorized("Refresh token already used; the session has been revoked");
        }
        if (current.Used || current.Revoked || current.Expired)
            throw ApiException.Unauthorized("Refresh token expired or revoked");

        var next = RefreshToken.New();
        await connection.ExecuteAsync(
            """
            UPDATE refresh_tokens SET used_at = now() WHERE token_hash = @hash;
            WITH session AS (
                UPDATE auth_sessions SET expires_at = least(now() + @lifetime, created_at + @absolute) WHERE id = @SessionId
                RETURNING id, expires_at)
            INSERT INTO refresh_tokens (token_hash, session_id, expires_at) SELECT @nextHash, id, expires_at FROM session;
            """,
            new { hash, current.SessionId, lifetime = RefreshLifetime, absolute = AbsoluteLifetime, nextHash = RefreshToken.Hash(next) },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return new NewSession(current.SessionId, current.UserId, next);
    }

    public async Task RevokeAsync(Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE auth_sessions SET revoked_at = now(), revoked_reason = @reason WHERE id = @sessionId AND revoked_at IS NULL",
            new { sessionId, reason });
        // This instance refuses the session's access tokens at once; others within ActiveSessionCacheSeconds.
        activeSessions.Forget(sessionId);
    }

    private sealed record PresentedToken(Guid SessionId, long UserId, bool Used, bool Expired, bool Revoked);
}
