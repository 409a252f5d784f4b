using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Logout;

/// <summary>Ends the caller's login session (its refresh token and, within seconds, its access tokens) on every prefix.</summary>
public sealed class Endpoint(AccountService accounts) : EndpointWithoutRequest<MessageResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.Platform + "/logout", AuthRoutes.V1 + "/logout", AuthRoutes.LearnTrac + "/logout");
        Description(d => d.WithTags(AuthRoutes.Tag).Failures(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await accounts.LogoutAsync(User.SessionId(), ct);
        await Send.OkAsync(MessageResponse.LoggedOut, ct);
    }
}
