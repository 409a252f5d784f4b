using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Login;

/// <summary>What both login endpoints accept (JSON or the OAuth2 password form) and the failures they answer.</summary>
public static class LoginDescription
{
    public static void Describe(RouteHandlerBuilder description) => description
        .WithTags(AuthRoutes.Tag)
        .ClearDefaultAccepts()
        .Accepts<Request>("application/json", Request.FormContentType)
        // 429 with Retry-After: too many failed attempts on the account (Accounts/LoginThrottle).
        .Failures(400, 401, 415, 429);
}
