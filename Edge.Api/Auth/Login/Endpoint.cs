using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Login;

/// <summary>Seeds 001 and 004: the same login and answer on both prefixes.</summary>
public sealed class Endpoint(AccountService accounts, KnownDevices devices) : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.Platform + "/login", AuthRoutes.V1 + "/login");
        AllowAnonymous();
        Description(LoginDescription.Describe);
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var tokens = await accounts.LoginAsync(request.LoginName(), request.Password!, HttpContext.Request.Cookies[KnownDevices.CookieName], ct);
        if (tokens.DeviceToken is not null) devices.WriteCookie(HttpContext, tokens.DeviceToken);
        await Send.OkAsync(TokenResponse.From(tokens), ct);
    }
}
