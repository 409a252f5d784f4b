using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.RegisterPlatform;

/// <summary>Seed 001: a new account with first and last name, signed in (200).</summary>
public sealed class Endpoint(AccountService accounts) : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.Platform + "/register");
        AllowAnonymous();
        Description(d => d.WithTags(AuthRoutes.Tag).Failures(400, 415));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        try
        {
            var tokens = await accounts.RegisterAsync(
                new NewAccount(request.Email!, request.Password!, FirstName: request.FirstName!.Trim(), LastName: request.LastName!.Trim(),
                    RegistrationKey: RegistrationKey.From(HttpContext)), ct);
            await Send.OkAsync(TokenResponse.From(tokens), ct);
        }
        catch (EmailAlreadyRegisteredException duplicate)
        {
            // The FastAPI service this seed documents answers a taken email with 400, not 409.
            throw ApiException.BadRequest(duplicate.Message);
        }
    }
}
