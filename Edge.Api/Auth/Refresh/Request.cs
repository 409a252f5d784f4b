using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Auth.Refresh;

public sealed class Request
{
    public string? RefreshToken { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.RefreshToken).NotEmpty().WithMessage("The RefreshToken field is required.");
    }
}
