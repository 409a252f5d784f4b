using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Me;

/// <summary>Seeds 001 and 004: the signed-in user.</summary>
public sealed class Endpoint(AccountService accounts) : EndpointWithoutRequest<UserResponse>
{
    public override void Configure()
    {
        Get(AuthRoutes.Platform + "/me", AuthRoutes.V1 + "/me");
        Description(d => d.WithTags(AuthRoutes.Tag).Failures(401));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(UserResponse.From(await accounts.CurrentAsync(User.UserId(), ct)), ct);
}
