using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Auth.RegisterPlatform;

/// <summary>Seed 001: <c>POST /api/auth/register</c>.</summary>
public sealed class Request
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().WithMessage("The Email field is required.");
            RuleFor(r => r.Password).NotEmpty().WithMessage("The Password field is required.");
            RuleFor(r => r.FirstName).NotEmpty().WithMessage("The FirstName field is required.");
            RuleFor(r => r.LastName).NotEmpty().WithMessage("The LastName field is required.");
        }
    }
}
