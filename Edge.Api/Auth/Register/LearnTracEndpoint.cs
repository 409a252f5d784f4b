using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Register;

/// <summary>
/// Not in seed 003 (it assumes accounts exist), but its users need a way in that answers in its own shapes: the same
/// registration as seed 004, answered like a LearnTrac login.
/// </summary>
public sealed class LearnTracEndpoint(AccountService accounts) : Endpoint<Request, LearnTracLoginResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.LearnTrac + "/register");
        AllowAnonymous();
        Description(d => d.WithTags(AuthRoutes.Tag).Produces<LearnTracLoginResponse>(StatusCodes.Status201Created).Failures(400, 409, 415));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var tokens = await accounts.RegisterAsync(request.ToNewAccount() with { RegistrationKey = RegistrationKey.From(HttpContext) }, ct);
        HttpContext.Response.Headers.Location = AuthRoutes.LearnTrac + "/me";
        await Send.ResponseAsync(LearnTracLoginResponse.From(tokens), StatusCodes.Status201Created, ct);
    }
}
