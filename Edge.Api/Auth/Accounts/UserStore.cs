using Dapper;
using Npgsql;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>Reads and writes <c>users</c> rows for authentication.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        id, email, username, password_hash AS PasswordHash, first_name AS FirstName, last_name AS LastName,
        display_name AS DisplayName, roles, is_guest AS IsGuest, preferences::text AS Preferences,
        learning_profile::text AS LearningProfile, time_zone AS TimeZone, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<UserAccount?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {Columns} FROM users WHERE id = @id", new { id });
    }

    /// <summary>A registered (non-guest) account by email or chosen username, ignoring case.</summary>
    public async Task<UserAccount?> FindByLoginAsync(string login, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<UserAccount>(
            $"""
            SELECT {Columns} FROM users
            WHERE NOT is_guest AND (lower(email) = lower(normalize(@login, NFKC)) OR lower(username) = lower(@login))
            ORDER BY (lower(email) = lower(normalize(@login, NFKC))) DESC
            LIMIT 1
            """, new { login });
    }

    public async Task<UserAccount> CreateAsync(NewAccount account, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.QuerySingleAsync<UserAccount>(
                $"""
                INSERT INTO users (email, username, password_hash, first_name, last_name, display_name, registration_key)
                VALUES (normalize(@Email, NFKC), @Username, @passwordHash, normalize(@FirstName, NFC), normalize(@LastName, NFC),
                        normalize(@DisplayName, NFC), @RegistrationKey)
                RETURNING {Columns}
                """,
                new { account.Email, account.Username, passwordHash, account.FirstName, account.LastName, account.DisplayName, account.RegistrationKey });
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw e.ConstraintName == "users_username_key"
                ? ApiException.Conflict("Username already taken")
                : new EmailAlreadyRegisteredException();
        }
    }

    /// <summary>The account registered with this email and Idempotency-Key within the given time, if any.</summary>
    public async Task<UserAccount?> FindRegistrationAsync(string email, string registrationKey, TimeSpan within, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(
            $"""
            SELECT {Columns} FROM users
            WHERE NOT is_guest AND lower(email) = lower(normalize(@email, NFKC)) AND registration_key = @registrationKey
              AND created_at > now() - @within
            """, new { email, registrationKey, within });
    }

    /// <summary>A guest has no password and an address nobody can own (.invalid is reserved), so it can never log in again.</summary>
    public async Task<UserAccount> CreateGuestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<UserAccount>(
            $"""
            INSERT INTO users (email, display_name, is_guest) VALUES (@email, 'Guest', true)
            RETURNING {Columns}
            """, new { email = $"guest-{Guid.NewGuid():N}@guest.invalid" });
    }

    public async Task UpdatePasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE users SET password_hash = @passwordHash, updated_at = now() WHERE id = @id", new { id, passwordHash });
    }

    /// <summary>
    /// Creates the account as an admin, or adds the admin role to an existing one (its password is left alone).
    /// One statement, so two instances starting together end with one admin row.
    /// </summary>
    /// <summary>
    /// Creates the admin account, or finds it. An existing account that is not an admin is promoted only when
    /// <paramref name="promoteExisting"/> says so: otherwise whoever registered that email first would become admin.
    /// </summary>
    public async Task<(long Id, AdminBootstrapOutcome Outcome)> EnsureAdminAsync(string email, string passwordHash, bool promoteExisting,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var created = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO users (email, password_hash, display_name, roles)
            VALUES (normalize(@email, NFKC), @passwordHash, 'Administrator', ARRAY['admin'])
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING id
            """, new { email, passwordHash });
        if (created is { } id) return (id, AdminBootstrapOutcome.Created);

        var existing = await connection.QuerySingleAsync<(long Id, bool IsAdmin)>(
            "SELECT id, 'admin' = ANY (roles) FROM users WHERE lower(email) = lower(normalize(@email, NFKC))", new { email });
        if (existing.IsAdmin) return (existing.Id, AdminBootstrapOutcome.AlreadyAdmin);
        if (!promoteExisting) return (existing.Id, AdminBootstrapOutcome.RefusedExistingAccount);
        await connection.ExecuteAsync(
            "UPDATE users SET roles = array_append(roles, 'admin'), is_guest = false, updated_at = now() WHERE id = @Id AND NOT 'admin' = ANY (roles)",
            new { existing.Id });
        return (existing.Id, AdminBootstrapOutcome.PromotedExistingAccount);
    }

    /// <summary>
    /// Seed 004's profile edit: only the parts given change; preferences and the learning profile are merged key by key.
    /// Null when the user does not exist.
    /// </summary>
    public async Task<UserAccount?> UpdateProfileAsync(long id, ProfileChange change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            $"""
            UPDATE users SET
                display_name     = coalesce(@DisplayName::text, display_name),
                preferences      = CASE WHEN @Preferences::jsonb IS NULL THEN preferences ELSE preferences || @Preferences::jsonb END,
                learning_profile = CASE WHEN @LearningProfile::jsonb IS NULL THEN learning_profile ELSE learning_profile || @LearningProfile::jsonb END,
                time_zone        = coalesce(@TimeZone::text, time_zone),
                roles            = coalesce(@Roles::text[], roles),
                updated_at       = now()
            WHERE id = @id
            RETURNING {Columns}
            """, new { id, change.DisplayName, change.Preferences, change.LearningProfile, change.TimeZone, change.Roles },
            cancellationToken: cancellationToken));
    }
}
