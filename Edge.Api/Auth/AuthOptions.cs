using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Auth;

/// <summary>Settings of section <c>Auth</c> (environment: <c>Auth__SigningKey</c>, <c>Auth__AccessTokenMinutes</c>, ...).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 key: base64 or a raw string, at least 32 bytes either way. Required.</summary>
    public string? SigningKey { get; set; }

    [Required] public string Issuer { get; set; } = "pipeline";
    [Required] public string Audience { get; set; } = "pipeline-api";

    /// <summary>Seed 003 shows <c>expires_in: 3600</c>.</summary>
    [Range(1, 24 * 60)] public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>A session (and its refresh token) lives this long after the last refresh.</summary>
    [Range(1, 365)] public int RefreshTokenDays { get; set; } = 30;

    /// <summary>How long an instance trusts that a session it has seen active is still active (logout elsewhere shows after this).</summary>
    [Range(0, 300)] public int ActiveSessionCacheSeconds { get; set; } = 5;

    /// <summary>
    /// While PostgreSQL cannot be reached, a session this instance saw active within this many seconds is still
    /// accepted, so a database restart does not sign every learner out (nobody can log out while it is down either).
    /// 0 refuses every request whose session cannot be checked (503).
    /// </summary>
    [Range(0, 24 * 3600)] public int ActiveSessionGraceSeconds { get; set; } = 600;

    /// <summary>
    /// However often it is refreshed, a session ends this many days after its login: a stolen refresh token cannot be
    /// kept alive forever. The user then logs in again.
    /// </summary>
    [Range(1, 3650)] public int AbsoluteSessionDays { get; set; } = 90;

    [Range(1, 1000)] public int MaxFailedLogins { get; set; } = 5;
    [Range(1, 24 * 60)] public int FailedLoginWindowMinutes { get; set; } = 15;
    [Range(1, 24 * 60)] public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// A device an account logged in on stays known this long (a signed cookie): its attempts are slowed down, never
    /// locked by others' failures. 0 turns the allowance off (every attempt counts against the account).
    /// </summary>
    [Range(0, 3650)] public int KnownDeviceDays { get; set; } = 90;

    /// <summary>
    /// A registration sent again this soon after it succeeded with the same Idempotency-Key, email, username and
    /// password (a client that lost the answer) is answered like the first one, with a new session, instead of "Email
    /// already registered". 0: never.
    /// </summary>
    [Range(0, 7 * 24 * 60)] public int RegistrationRetryMinutes { get; set; } = 1440;
}
