using System.Text.Json;
using FastEndpoints;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Users.Update;

/// <summary>
/// Seed 004 <c>PATCH /api/v1/users/{id}</c>: name, preferences, learning profile and time zone by the user (or an admin);
/// <c>roles</c> only by an admin, which is how instructors are made. A changed role is in the user's next access token.
/// </summary>
public sealed class Endpoint(UserStore users) : Endpoint<Request, UserProfile>
{
    public override void Configure()
    {
        Patch("/api/v1/users/{id}");
        Description(d => d.WithTags("Users").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        User.EnsureSelfOrAdmin(request.Id);
        if (request.Roles is not null && !User.IsAdmin())
            throw new ApiException(StatusCodes.Status403Forbidden, "Only an admin can change roles.", details: new[] { new { field = "roles", message = "Only an admin can change roles." } });

        var change = new ProfileChange(
            request.Name?.Trim(),
            request.Preferences?.GetRawText(),
            request.LearningProfile is null ? null : JsonSerializer.Serialize(request.LearningProfile, ApiJson.Options),
            request.TimeZone,
            request.Roles?.Select(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString())).Distinct().ToArray());
        var user = await users.UpdateProfileAsync(request.Id, change, ct) ?? throw ApiException.NotFound("User not found");
        await Send.OkAsync(UserProfile.From(user), ct);
    }
}
