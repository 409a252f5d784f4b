namespace Pipeline.Edge.Api.Auth.Endpoints;

/// <summary>Every documented auth path, each seed's routes over the same <see cref="Accounts.AccountService"/>.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPlatformAuth();
        app.MapV1Auth();
        app.MapLearnTracAuth();
        return app;
    }
}
