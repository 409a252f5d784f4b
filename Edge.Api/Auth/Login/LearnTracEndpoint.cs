using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Login;

/// <summary>Seed 003: the same login, answered in its shape (string ids, preferences).</summary>
public sealed class LearnTracEndpoint(AccountService accounts, KnownDevices devices) : Endpoint<Request, LearnTracLoginResponse>
{
    public override void Configure()
    {
        Post(AuthRoutes.LearnTrac + "/login");
        AllowAnonymous();
        Description(LoginDescription.Describe);
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var tokens = await accounts.LoginAsync(request.LoginName(), request.Password!, HttpContext.Request.Cookies[KnownDevices.CookieName], ct);
        if (tokens.DeviceToken is not null) devices.WriteCookie(HttpContext, tokens.DeviceToken);
        await Send.OkAsync(LearnTracLoginResponse.From(tokens), ct);
    }
}
