using Microsoft.AspNetCore.Identity;
using Pipeline.Edge.Api.Auth.Sessions;
using Pipeline.Edge.Api.Auth.Tokens;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// The one implementation of registration, login, guest login, refresh and logout behind every seed's auth routes;
/// the endpoints only translate bodies.
/// </summary>
public sealed class AccountService(
    UserStore users,
    SessionStore sessions,
    AccessTokenIssuer accessTokens,
    LoginThrottle throttle,
    KnownDevices knownDevices,
    IPasswordHasher<UserAccount> passwordHasher,
    PasswordHashGate hashGate,
    ILogger<AccountService> logger)
{
    // Verifying against this when the account does not exist costs the same time as a real check, so response times
    // do not tell which emails are registered.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString()));

    public async Task<IssuedTokens> RegisterAsync(NewAccount account, CancellationToken cancellationToken)
    {
        account = account with
        {
            Email = AccountRules.NormalizeEmail(account.Email),
            Username = NullIfBlank(account.Username),
            FirstName = AccountRules.NormalizeName(account.FirstName),
            LastName = AccountRules.NormalizeName(account.LastName),
            DisplayName = AccountRules.NormalizeName(account.DisplayName),
        };
        AccountRules.Check(account);
        var hash = await hashGate.RunAsync(() => passwordHasher.HashPassword(new UserAccount(), account.Password), cancellationToken);
        var user = await users.CreateAsync(account, hash, cancellationToken);
        logger.LogInformation("User {UserId} registered", user.Id);
        return await OpenSessionAsync(user, cancellationToken);
    }

    /// <param name="deviceToken">The known-device cookie the client sent, if any (<see cref="KnownDevices"/>).</param>
    public async Task<IssuedTokens> LoginAsync(string login, string password, string? deviceToken, CancellationToken cancellationToken)
    {
        if (login.Length > AccountRules.MaximumLoginLength)
            throw ApiException.BadRequest($"username must be at most {AccountRules.MaximumLoginLength} characters long.");
        var normalized = AccountRules.NormalizeLogin(login);
        var user = await users.FindByLoginAsync(normalized, cancellationToken);
        var device = knownDevices.Read(deviceToken);
        string throttleKey;
        if (user is not null && device is not null && device.UserId == user.Id)
        {
            throttleKey = LoginThrottle.KeyFor(device);
            await throttle.BeginKnownDeviceAttemptAsync(throttleKey, cancellationToken);
        }
        else
        {
            throttleKey = LoginThrottle.KeyFor(user, normalized);
            await throttle.BeginAttemptAsync(throttleKey, cancellationToken);
        }
        var verdict = await hashGate.RunAsync(
            () => passwordHasher.VerifyHashedPassword(user ?? new UserAccount(), user?.PasswordHash ?? DecoyHash.Value, password), cancellationToken);
        if (user is null || user.PasswordHash is null || verdict == PasswordVerificationResult.Failed)
        {
            logger.LogInformation("Failed login for {UserId}", user?.Id);
            throw ApiException.Unauthorized("Incorrect username or password");
        }
        await throttle.ResetAsync(throttleKey, cancellationToken);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await users.UpdatePasswordHashAsync(user.Id, await hashGate.RunAsync(() => passwordHasher.HashPassword(user, password), cancellationToken),
                cancellationToken);
        var tokens = await OpenSessionAsync(user, cancellationToken);
        return knownDevices.Enabled ? tokens with { DeviceToken = knownDevices.Issue(user.Id, device) } : tokens;
    }

    public async Task<IssuedTokens> LoginAsGuestAsync(CancellationToken cancellationToken)
    {
        var guest = await users.CreateGuestAsync(cancellationToken);
        return await OpenSessionAsync(guest, cancellationToken);
    }

    public async Task<IssuedTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var session = await sessions.RotateAsync(refreshToken, cancellationToken);
        var user = await users.FindAsync(session.UserId, cancellationToken) ?? throw ApiException.Unauthorized("Invalid refresh token");
        return Issue(user, session);
    }

    public Task LogoutAsync(Guid sessionId, CancellationToken cancellationToken) => sessions.RevokeAsync(sessionId, "logout", cancellationToken);

    public async Task<UserAccount> CurrentAsync(long userId, CancellationToken cancellationToken) =>
        await users.FindAsync(userId, cancellationToken) ?? throw ApiException.Unauthorized("User no longer exists");

    private async Task<IssuedTokens> OpenSessionAsync(UserAccount user, CancellationToken cancellationToken) =>
        Issue(user, await sessions.OpenAsync(user.Id, cancellationToken));

    private IssuedTokens Issue(UserAccount user, NewSession session) =>
        new(accessTokens.Issue(user, session.SessionId), session.RefreshToken, (int)accessTokens.Lifetime.TotalSeconds, user);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
