using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Register;

/// <summary>Seed 004: a new account, signed in (201, tokens and the user).</summary>
public sealed class Endpoint(AccountService accounts) : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.V1 + "/register");
        AllowAnonymous();
        Description(d => d.WithTags(AuthRoutes.Tag).Produces<TokenResponse>(StatusCodes.Status201Created).Failures(400, 409, 415));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var tokens = await accounts.RegisterAsync(request.ToNewAccount() with { RegistrationKey = RegistrationKey.From(HttpContext) }, ct);
        HttpContext.Response.Headers.Location = AuthRoutes.V1 + "/me";
        await Send.ResponseAsync(TokenResponse.From(tokens), StatusCodes.Status201Created, ct);
    }
}
