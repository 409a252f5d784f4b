namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>What the start-up admin bootstrap did with the configured email.</summary>
public enum AdminBootstrapOutcome
{
    Created,
    AlreadyAdmin,
    PromotedExistingAccount,
    /// <summary>The email belongs to an account that is not an admin, and promoting it was not asked for.</summary>
    RefusedExistingAccount,
}
