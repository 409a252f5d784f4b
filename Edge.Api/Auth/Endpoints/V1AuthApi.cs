using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Endpoints;

/// <summary>Seed 004: <c>/api/v1/auth</c>, errors as <c>{code, message, details}</c>.</summary>
public static class V1AuthApi
{
    public static RouteGroupBuilder MapV1Auth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth (/api/v1/auth)");
        group.MapPost("/register", Register).AllowAnonymous();
        group.MapPost("/login", Login).AllowAnonymous()
            .Accepts<LoginRequest>("application/json", LoginRequestReader.FormContentType);
        group.MapPost("/refresh", Refresh).AllowAnonymous();
        group.MapPost("/logout", PlatformAuthApi.Logout).RequireAuthorization();
        group.MapGet("/me", PlatformAuthApi.Me).RequireAuthorization();
        return group;
    }

    public static async Task<Created<TokenResponse>> Register(RegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var tokens = await accounts.RegisterAsync(new NewAccount(request.Email, request.Password, request.Username, DisplayName: request.Name?.Trim()), cancellationToken);
        return TypedResults.Created("/api/v1/auth/me", TokenResponse.From(tokens));
    }

    public static Task<Ok<TokenResponse>> Login(HttpRequest request, AccountService accounts, CancellationToken cancellationToken) =>
        PlatformAuthApi.Login(request, accounts, cancellationToken);

    public static Task<Ok<TokenResponse>> Refresh(RefreshRequest request, AccountService accounts, CancellationToken cancellationToken) =>
        PlatformAuthApi.Refresh(request, accounts, cancellationToken);
}
