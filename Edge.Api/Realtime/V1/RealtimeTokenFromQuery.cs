namespace Pipeline.Edge.Api.Realtime.V1;

/// <summary>
/// Browsers cannot set headers on a WebSocket handshake, so seed 004's socket takes the access token as <c>?token=</c>.
/// This runs first in the pipeline (a startup filter) and moves that token into the Authorization header, so the one
/// JWT bearer handler authenticates the socket exactly as it does every API call (signature, expiry, revoked session).
/// </summary>
public sealed class RealtimeTokenFromQuery : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Path.Equals(PlatformRealtimeSocket.Path, StringComparison.OrdinalIgnoreCase)
                && !http.Request.Headers.Authorization.Any()
                && http.Request.Query["token"].FirstOrDefault() is { Length: > 0 } token)
                http.Request.Headers.Authorization = $"Bearer {token}";
            return nextMiddleware(http);
        });
        next(app);
    };
}
