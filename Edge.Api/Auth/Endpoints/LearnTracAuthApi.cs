using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Endpoints;

/// <summary>Seed 003: <c>/api/learntrac/v1/auth</c>, errors in the <c>{"error": {...}}</c> envelope.</summary>
public static class LearnTracAuthApi
{
    public static RouteGroupBuilder MapLearnTracAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/learntrac/v1/auth").WithTags("Auth (/api/learntrac/v1/auth)");
        // Not in seed 003 (it assumes accounts exist), but its users need a way in that answers in its own shapes.
        group.MapPost("/register", Register).AllowAnonymous();
        group.MapPost("/login", Login).AllowAnonymous()
            .Accepts<LoginRequest>("application/json", LoginRequestReader.FormContentType);
        group.MapPost("/refresh", Refresh).AllowAnonymous();
        group.MapPost("/logout", PlatformAuthApi.Logout).RequireAuthorization();
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    public static async Task<Created<LearnTracLoginResponse>> Register(RegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var tokens = await accounts.RegisterAsync(new NewAccount(request.Email, request.Password, request.Username, DisplayName: request.Name?.Trim()), cancellationToken);
        return TypedResults.Created("/api/learntrac/v1/auth/me", LearnTracLoginResponse.From(tokens));
    }

    public static async Task<Ok<LearnTracLoginResponse>> Login(HttpRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var (login, password) = await LoginRequestReader.ReadAsync(request, cancellationToken);
        return TypedResults.Ok(LearnTracLoginResponse.From(await accounts.LoginAsync(login, password, cancellationToken)));
    }

    public static async Task<Ok<LearnTracRefreshResponse>> Refresh(RefreshRequest request, AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(LearnTracRefreshResponse.From(await accounts.RefreshAsync(request.RefreshToken, cancellationToken)));

    public static async Task<Ok<LearnTracProfile>> Me(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(LearnTracProfile.From(await accounts.CurrentAsync(user.UserId(), cancellationToken)));
}
