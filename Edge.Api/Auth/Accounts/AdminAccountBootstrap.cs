using Microsoft.AspNetCore.Identity;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// Creates (or promotes) the admin named by <c>PIPELINE_ADMIN_EMAIL</c> / <c>PIPELINE_ADMIN_PASSWORD</c> at start-up,
/// so a fresh deployment has someone who can administer it. Registered after the migrations; idempotent.
/// </summary>
public sealed class AdminAccountBootstrap(
    IConfiguration configuration,
    UserStore users,
    IPasswordHasher<UserAccount> passwordHasher,
    ILogger<AdminAccountBootstrap> logger) : IHostedService
{
    public const string EmailSetting = "PIPELINE_ADMIN_EMAIL";
    public const string PasswordSetting = "PIPELINE_ADMIN_PASSWORD";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[EmailSetting];
        var password = configuration[PasswordSetting];
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrEmpty(password))
            return;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            throw new InvalidOperationException($"Set both {EmailSetting} and {PasswordSetting} to create an admin at start-up, or neither.");

        email = AccountRules.NormalizeEmail(email);
        try
        {
            AccountRules.Check(new NewAccount(email, password));
        }
        catch (ApiException e)
        {
            throw new InvalidOperationException($"{EmailSetting}/{PasswordSetting}: {e.Message}");
        }
        var id = await users.EnsureAdminAsync(email, passwordHasher.HashPassword(new UserAccount(), password), cancellationToken);
        logger.LogInformation("Admin account ready: user {UserId}", id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
