using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Login;

/// <summary>Seed 003: the same login, answered in its shape (string ids, preferences).</summary>
public sealed class LearnTracEndpoint(AccountService accounts) : Endpoint<Request, LearnTracLoginResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.LearnTrac + "/login");
        AllowAnonymous();
        Description(LoginDescription.Describe);
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(LearnTracLoginResponse.From(await accounts.LoginAsync(request.LoginName(), request.Password!, ct)), ct);
}
