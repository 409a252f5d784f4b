using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.GuestLogin;

/// <summary>Seed 001: a marked guest session without an account.</summary>
public sealed class Endpoint(AccountService accounts) : EndpointWithoutRequest<TokenResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.Platform + "/guest-login");
        AllowAnonymous();
        Description(d => d.WithTags(AuthRoutes.Tag));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(TokenResponse.From(await accounts.LoginAsGuestAsync(ct)), ct);
}
