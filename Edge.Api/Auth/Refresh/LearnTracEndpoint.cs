using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Refresh;

/// <summary>Seed 003: the same refresh, answered in its shape.</summary>
public sealed class LearnTracEndpoint(AccountService accounts) : Endpoint<Request, LearnTracRefreshResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.LearnTrac + "/refresh");
        AllowAnonymous();
        Description(d => d.WithTags(AuthRoutes.Tag).Failures(400, 401, 415));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(LearnTracRefreshResponse.From(await accounts.RefreshAsync(request.RefreshToken!, ct)), ct);
}
