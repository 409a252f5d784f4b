using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Auth.Login;

/// <summary>
/// A login, as JSON or as the OAuth2 password form (<c>username</c>, <c>password</c>, <c>grant_type</c>) FastAPI clients
/// send. The username is the account's email unless the user chose one; <c>email</c> is accepted in its place.
/// </summary>
public sealed class Request
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? GrantType { get; init; }
    public string? Email { get; init; }

    /// <summary>The username, or the email when no username was sent.</summary>
    public string LoginName() => new[] { Username, Email }.First(v => !string.IsNullOrWhiteSpace(v))!;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Username).Must((r, _) => !string.IsNullOrWhiteSpace(r.Username) || !string.IsNullOrWhiteSpace(r.Email))
                .WithMessage("Username (or email) is required.");
            RuleFor(r => r.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.");
            RuleFor(r => r.GrantType).Must(g => string.IsNullOrEmpty(g) || g == "password").WithMessage("grant_type must be 'password'.");
        }
    }
}
