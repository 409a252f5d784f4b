using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Me;

/// <summary>Seed 003: the signed-in user with their learning profile.</summary>
public sealed class LearnTracEndpoint(AccountService accounts) : EndpointWithoutRequest<LearnTracProfile>
{
    public override void Configure()
    {
        Get(AuthRoutes.LearnTrac + "/me");
        Description(d => d.WithTags(AuthRoutes.Tag).Failures(401));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(LearnTracProfile.From(await accounts.CurrentAsync(User.UserId(), ct)), ct);
}
