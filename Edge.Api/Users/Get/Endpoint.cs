using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Users.Get;

/// <summary>Seed 004 <c>GET /api/v1/users/{id}</c>: yourself, or anyone for an admin; others 403.</summary>
public sealed class Endpoint(UserStore users) : Endpoint<Request, UserProfile>
{
    public override void Configure()
    {
        Get("/api/v1/users/{id}");
        Description(d => d.WithTags("Users").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        User.EnsureSelfOrAdmin(request.Id);
        var user = await users.FindAsync(request.Id, ct) ?? throw ApiException.NotFound("User not found");
        await Send.OkAsync(UserProfile.From(user), ct);
    }
}
