namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>A row of <c>users</c>, as the auth endpoints need it.</summary>
public sealed record UserAccount
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string? Username { get; init; }
    public string? PasswordHash { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? DisplayName { get; init; }
    public string[] Roles { get; init; } = [];
    public bool IsGuest { get; init; }
    /// <summary>jsonb, passed through as JSON text.</summary>
    public string Preferences { get; init; } = "{}";
    /// <summary>jsonb, passed through as JSON text.</summary>
    public string LearningProfile { get; init; } = "{}";
    /// <summary>IANA time zone the user's schedule is read in (seed 004).</summary>
    public string TimeZone { get; init; } = "UTC";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>A username is the account's email unless the user has chosen one.</summary>
    public string LoginName => Username ?? Email;

    public string? Name => DisplayName ?? (FirstName, LastName) switch
    {
        (null, null) => null,
        var (first, last) => string.Join(' ', new[] { first, last }.Where(part => !string.IsNullOrWhiteSpace(part))),
    };
}
