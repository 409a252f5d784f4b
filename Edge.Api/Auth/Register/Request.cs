using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Auth.Register;

/// <summary>Seed 004: <c>POST /api/v1/auth/register</c> (<c>{email, password, name?}</c>); LearnTrac also accepts a username.</summary>
public sealed class Request
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? Name { get; init; }
    public string? Username { get; init; }

    public Accounts.NewAccount ToNewAccount() => new(Email!, Password!, Username, DisplayName: Name?.Trim());

    /// <summary>Presence only; what an email and a password must look like is <see cref="Accounts.AccountRules"/>' job.</summary>
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().WithMessage("The Email field is required.");
            RuleFor(r => r.Password).NotEmpty().WithMessage("The Password field is required.");
        }
    }
}
