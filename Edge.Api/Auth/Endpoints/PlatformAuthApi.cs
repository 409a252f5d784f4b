using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Endpoints;

/// <summary>Seed 001 (FastAPI platform): <c>/api/auth</c>, errors as <c>{"detail": ...}</c>.</summary>
public static class PlatformAuthApi
{
    public static RouteGroupBuilder MapPlatformAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth (/api/auth)");
        group.MapPost("/register", Register).AllowAnonymous();
        group.MapPost("/login", Login).AllowAnonymous()
            .Accepts<LoginRequest>("application/json", LoginRequestReader.FormContentType);
        group.MapPost("/guest-login", GuestLogin).AllowAnonymous();
        group.MapPost("/refresh", Refresh).AllowAnonymous();
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    public static async Task<Ok<TokenResponse>> Register(PlatformRegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        try
        {
            var tokens = await accounts.RegisterAsync(
                new NewAccount(request.Email, request.Password, FirstName: request.FirstName.Trim(), LastName: request.LastName.Trim()), cancellationToken);
            return TypedResults.Ok(TokenResponse.From(tokens));
        }
        catch (EmailAlreadyRegisteredException duplicate)
        {
            // The FastAPI service this seed documents answers a taken email with 400, not 409.
            throw ApiException.BadRequest(duplicate.Message);
        }
    }

    public static async Task<Ok<TokenResponse>> Login(HttpRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var (login, password) = await LoginRequestReader.ReadAsync(request, cancellationToken);
        return TypedResults.Ok(TokenResponse.From(await accounts.LoginAsync(login, password, cancellationToken)));
    }

    public static async Task<Ok<TokenResponse>> GuestLogin(AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(TokenResponse.From(await accounts.LoginAsGuestAsync(cancellationToken)));

    public static async Task<Ok<TokenResponse>> Refresh(RefreshRequest request, AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(TokenResponse.From(await accounts.RefreshAsync(request.RefreshToken, cancellationToken)));

    public static async Task<Ok<MessageResponse>> Logout(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        await accounts.LogoutAsync(user.SessionId(), cancellationToken);
        return TypedResults.Ok(MessageResponse.LoggedOut);
    }

    public static async Task<Ok<UserResponse>> Me(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserResponse.From(await accounts.CurrentAsync(user.UserId(), cancellationToken)));
}
