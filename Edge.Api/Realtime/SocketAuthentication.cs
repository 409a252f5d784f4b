using System.Net.WebSockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Auth.Sessions;

namespace Pipeline.Edge.Api.Realtime;

/// <summary>
/// How every WebSocket of the API authenticates (seed 001 chat, seed 003 voice, seed 004 realtime): the access token in
/// <c>?token=</c> (browsers cannot set headers on a WebSocket) or the <c>Authorization: Bearer</c> header, validated
/// exactly like an HTTP request's (signature, lifetime, and the login session still active). A socket that fails is
/// accepted and closed at once with 1008 (policy violation), so the client sees why instead of a failed handshake.
/// </summary>
public static class SocketAuthentication
{
    public const int MaxTokenLength = 8192;

    /// <summary>The caller, or null when the token is missing, invalid, expired or its session has ended.</summary>
    public static async Task<ClaimsPrincipal?> AuthenticateSocketAsync(this HttpContext http)
    {
        var token = http.Request.Query["token"].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            var header = http.Request.Headers.Authorization.FirstOrDefault();
            if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters);
            if (!result.IsValid) continue;
            var user = new ClaimsPrincipal(result.ClaimsIdentity);
            var sessions = http.RequestServices.GetRequiredService<ActiveSessions>();
            var sessionClaim = user.FindFirst(AuthClaims.SessionId)?.Value;
            if (!Guid.TryParse(sessionClaim, out var sessionId) || !await sessions.IsActiveAsync(sessionId, http.RequestAborted)) return null;
            http.User = user;
            return user;
        }
        return null;
    }

    /// <summary>Accepts the socket only to close it with 1008 and the reason (a bad token, someone else's session).</summary>
    public static async Task RefuseAsync(this HttpContext http, string reason)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away first.
        }
    }
}
