using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
    IOptions<AuthOptions> options,
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
        UserAccount user;
        try
        {
            user = await users.CreateAsync(account, hash, cancellationToken);
        }
        catch (EmailAlreadyRegisteredException)
        {
            // A client that lost the answer to its registration (a timeout, a dropped connection) and sends it again with
            // the same Idempotency-Key gets the registration's answer, not "Email already registered" for its own account.
            var registered = await SameRecentRegistrationAsync(account, cancellationToken);
            if (registered is null) throw;
            logger.LogInformation("User {UserId} registered again: answered as the first registration", registered.Id);
            return await OpenSessionAsync(registered, cancellationToken);
        }
        logger.LogInformation("User {UserId} registered", user.Id);
        return await OpenSessionAsync(user, cancellationToken);
    }

    /// <summary>
    /// The account a registration for a taken email is a retry of: registered within Auth:RegistrationRetryMinutes with
    /// the same Idempotency-Key, the same username (if one was given) and the same password. Checking the password is a
    /// login attempt, so it is counted by the login throttle first (a locked account answers 409, as any taken email).
    /// Without a key a taken email is always "Email already registered" (the seeds' answer).
    /// </summary>
    private async Task<UserAccount?> SameRecentRegistrationAsync(NewAccount account, CancellationToken cancellationToken)
    {
        if (account.RegistrationKey is null || options.Value.RegistrationRetryMinutes == 0) return null;
        var existing = await users.FindRegistrationAsync(account.Email, account.RegistrationKey,
            TimeSpan.FromMinutes(options.Value.RegistrationRetryMinutes), cancellationToken);
        if (existing?.PasswordHash is null
            || (account.Username is not null && !string.Equals(existing.Username, account.Username, StringComparison.OrdinalIgnoreCase)))
            return null;
        var throttleKey = LoginThrottle.KeyFor(existing, account.Email);
        try
        {
            await throttle.BeginAttemptAsync(throttleKey, cancellationToken);
        }
        catch (ApiException locked) when (locked.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            return null;
        }
        var verdict = await hashGate.RunAsync(() => passwordHasher.VerifyHashedPassword(existing, existing.PasswordHash, account.Password), cancellationToken);
        if (verdict == PasswordVerificationResult.Failed) return null;
        await throttle.ResetAsync(throttleKey, cancellationToken);
        return existing;
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
