namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>What a registration asks for, whichever seed's body it came in.</summary>
public sealed record NewAccount(string Email, string Password, string? Username = null, string? FirstName = null, string? LastName = null, string? DisplayName = null,
    string? RegistrationKey = null);
