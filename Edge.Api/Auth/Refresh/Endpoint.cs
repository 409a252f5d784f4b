using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Refresh;

/// <summary>Seeds 001 and 004: a new token pair for a refresh token (which is used up: tokens rotate).</summary>
public sealed class Endpoint(AccountService accounts) : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.Platform + "/refresh", AuthRoutes.V1 + "/refresh");
        AllowAnonymous();
        Description(d => d.WithTags(AuthRoutes.Tag).Failures(400, 401, 415));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(TokenResponse.From(await accounts.RefreshAsync(request.RefreshToken!, ct)), ct);
}
