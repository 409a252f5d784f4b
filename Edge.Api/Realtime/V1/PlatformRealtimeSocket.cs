using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Pipeline.Domain.Realtime;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Realtime.V1;

/// <summary>
/// Seed 004 <c>GET /api/v1/realtime/ws</c>: the user's live feed (<see cref="RealtimeFeed"/>): task progress
/// (<c>{"type": "task", ...}</c> with seed 002's fields), delivered reminders (<c>{"type": "reminder", ...}</c>) and the
/// frames of every conversation of the user (<c>ack</c>, <c>token</c>, <c>message</c>, <c>error</c> as on <c>/ws/chat</c>,
/// each with its <c>chat_id</c>: the reply worker's <c>RealtimeChatFeed</c>), every frame with an <c>event_id</c>. With <c>?last_event_id=</c> (or a <c>Last-Event-ID</c> header) the client first
/// gets what it missed (kept <see cref="RealtimeFeed.RetentionMinutes"/> minutes), in order, then live frames.
/// The access token comes as <c>?token=</c> or in the Authorization header; a bad one closes the socket with 1008.
/// </summary>
public static partial class PlatformRealtimeSocket
{
    public const string Path = "/api/v1/realtime/ws";

    public static WebApplication MapPlatformRealtime(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.Map(Path, HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task HandleAsync(HttpContext http, RealtimeFeed feed, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            throw ApiException.BadRequest("This is a WebSocket endpoint: connect with a WebSocket client.");
        var lastEventId = http.Request.Query["last_event_id"].FirstOrDefault() ?? http.Request.Headers["Last-Event-ID"].FirstOrDefault();
        if (lastEventId is not null && !EventId().IsMatch(lastEventId))
            throw ApiException.BadRequest("last_event_id must be an event_id this socket sent (like 1733300000000-0).",
                new[] { new { field = "last_event_id", message = "not an event id" } });

        var userId = await AuthenticateAsync(http);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        if (userId is null)
        {
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.PolicyViolation, "invalid or missing token");
            return;
        }

        // A bounded number of sockets per user; a revoked login session ends its sockets (Realtime/OpenStreams).
        using var lease = http.RequestServices.GetRequiredService<OpenStreams>().TryOpen(http.User, http.RequestAborted);
        if (lease is null)
        {
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.PolicyViolation, "too many open connections for this user");
            return;
        }
        var logger = loggers.CreateLogger(typeof(PlatformRealtimeSocket));
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(lease.Token);
        var appended = new SemaphoreSlim(0);
        // Subscribe before reading the position, so nothing appended in between is missed (reading after it finds it).
        await using var subscription = await feed.SubscribeAsync(userId.Value, () => appended.Release());
        var position = lastEventId ?? await feed.LatestEventIdAsync(userId.Value);
        var receiving = DrainIncomingAsync(socket, closing);
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                foreach (var frame in await feed.ReadAfterAsync(userId.Value, position))
                {
                    await SendAsync(socket, frame, closing.Token);
                    position = frame.EventId;
                }
                // Also wake now and then: an announcement lost while Redis reconnected is caught by the next read.
                await appended.WaitAsync(TimeSpan.FromSeconds(5), closing.Token);
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
        }
        catch (WebSocketException e)
        {
            logger.LogDebug("Realtime socket of user {UserId} ended: {Error}", userId, e.Message);
        }
        await closing.CancelAsync();
        await receiving;
        await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, null);
    }

    /// <summary>A client that went away without the closing handshake is not an error.</summary>
    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary>The token from the Authorization header (or <c>?token=</c>: <see cref="RealtimeTokenFromQuery"/>), checked like any API call.</summary>
    private static async Task<long?> AuthenticateAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded) return null;
        http.User = result.Principal;
        try
        {
            return result.Principal.UserId();
        }
        catch (ApiException)
        {
            return null;
        }
    }

    private static async Task SendAsync(WebSocket socket, RealtimeFrame frame, CancellationToken ct)
    {
        var body = JsonNode.Parse(frame.Json) as JsonObject ?? [];
        var message = new JsonObject { ["type"] = frame.Type, ["event_id"] = frame.EventId };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            if (key is not ("type" or "event_id")) message[key] = value;
        }
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, ct);
    }

    /// <summary>The client sends nothing the feed needs; reading notices when it closes.</summary>
    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closing.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        await closing.CancelAsync();
    }

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}$")]
    private static partial Regex EventId();
}
