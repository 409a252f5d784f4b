using Microsoft.AspNetCore.Identity;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// Creates (or promotes) the admin named by <c>PIPELINE_ADMIN_EMAIL</c> / <c>PIPELINE_ADMIN_PASSWORD</c> at start-up,
/// so a fresh deployment has someone who can administer it. Registered after the migrations; idempotent. An existing
/// non-admin account with that email is promoted only with <c>PIPELINE_ADMIN_PROMOTE_EXISTING=true</c>.
/// </summary>
public sealed class AdminAccountBootstrap(
    IConfiguration configuration,
    UserStore users,
    IPasswordHasher<UserAccount> passwordHasher,
    ILogger<AdminAccountBootstrap> logger) : IHostedService
{
    public const string EmailSetting = "PIPELINE_ADMIN_EMAIL";
    public const string PasswordSetting = "PIPELINE_ADMIN_PASSWORD";
    /// <summary>"true" lets the bootstrap promote an existing non-admin account that has the configured email.</summary>
    public const string PromoteExistingSetting = "PIPELINE_ADMIN_PROMOTE_EXISTING";

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
        var promoteExisting = configuration.GetValue(PromoteExistingSetting, false);
        var (id, outcome) = await users.EnsureAdminAsync(email, passwordHasher.HashPassword(new UserAccount(), password), promoteExisting,
            cancellationToken);
        if (outcome == AdminBootstrapOutcome.RefusedExistingAccount)
            logger.LogWarning(
                "{EmailSetting} names an existing account (user {UserId}) that is not an admin: it was NOT promoted, since whoever registered " +
                "that email would become admin. Set {PromoteSetting}=true to promote it.", EmailSetting, id, PromoteExistingSetting);
        else
            logger.LogInformation("Admin account ready: user {UserId} ({Outcome})", id, outcome);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
