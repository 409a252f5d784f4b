using System.Net.WebSockets;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.RateLimits;
using System.Text.Json;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Domain.Conversations.ChatFrames;
using Pipeline.Edge.Api.Realtime;

namespace Pipeline.Edge.Api.Chats;

/// <summary>
/// Seed 001's planning chat over a WebSocket: <c>/ws/chat/{session_id}</c> (and <c>/switch</c>, which also switches
/// between the session's chats and returns their history). Messages are stored and answered by the conversation
/// engine; the socket relays the reply's tokens from the session's Redis channel, so any edge instance can hold it and
/// every socket on the session sees every reply. Protocol: docs/websocket.md.
/// </summary>
public static class ChatSocket
{
    public static WebApplication MapChatSockets(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map("/ws/chat/{session_id}", (HttpContext http, string session_id) => RunAsync(http, session_id, allowSwitch: false))
            .AllowAnonymous().ExcludeFromDescription();
        app.Map("/ws/chat/{session_id}/switch", (HttpContext http, string session_id) => RunAsync(http, session_id, allowSwitch: true))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task RunAsync(HttpContext http, string sessionIdText, bool allowSwitch)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            throw Errors.ApiException.BadRequest("This is a WebSocket endpoint: connect with a WebSocket client (docs/websocket.md).");
        var user = await http.AuthenticateSocketAsync();
        if (user is null)
        {
            await http.RefuseAsync("A valid access token is required (?token= or Authorization: Bearer).");
            return;
        }
        var store = http.RequestServices.GetRequiredService<ConversationStore>();
        var session = long.TryParse(sessionIdText, out var sessionId) ? await store.GetAsync(sessionId, http.RequestAborted) : null;
        if (session is not { Kind: ConversationKinds.Planning, ParentId: null } || session.OwnerId != user.UserId())
        {
            await http.RefuseAsync("No such session of yours.");
            return;
        }

        // A bounded number of sockets per user; a revoked login session ends its sockets (Realtime/OpenStreams).
        using var lease = http.RequestServices.GetRequiredService<OpenStreams>().TryOpen(user, http.RequestAborted);
        if (lease is null)
        {
            await http.RefuseAsync("Too many open connections for this user; close one first.");
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var replies = http.RequestServices.GetRequiredService<ConversationReplies>();
        var connection = new Connection(socket, session, store, replies, allowSwitch, user, http.RequestServices);
        await connection.RunAsync(lease.Token);
    }

    private sealed class Connection(WebSocket socket, Conversation session, ConversationStore store, ConversationReplies replies, bool allowSwitch,
        ClaimsPrincipal user, IServiceProvider services)
    {
        private readonly SocketFrames _frames = new(socket);
        private Conversation? _current;

        public async Task RunAsync(CancellationToken aborted)
        {
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            _frames.Start(closing.Token);
            await using (_frames)
            await using (await replies.SubscribeAsync(session.Id, Relay))
            {
                try
                {
                    while (socket.State == WebSocketState.Open)
                    {
                        var text = await _frames.ReceiveAsync(closing.Token);
                        if (text is null) break;
                        await HandleAsync(text, closing.Token);
                    }
                    if (socket.State is WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    // The client went away.
                }
                finally
                {
                    await closing.CancelAsync();
                }
            }
        }

        /// <summary>A reply event from the session's channel, as the socket's frames.</summary>
        private void Relay(ReplyEvent e)
        {
            switch (e.Type)
            {
                case ReplyEvent.Token:
                    _frames.Send(new TokenFrame(e.MessageId, e.ConversationId, e.Delta ?? ""));
                    break;
                case ReplyEvent.Completed or ReplyEvent.Stopped:
                    _frames.Send(new MessageFrame(new SocketMessage(e.MessageId, e.ConversationId, MessageRoles.Assistant, e.Content ?? "",
                        e.Type == ReplyEvent.Stopped ? MessageStatuses.Stopped : MessageStatuses.Completed, e.CreatedAt ?? DateTimeOffset.UtcNow)));
                    break;
                case ReplyEvent.Failed:
                    _frames.Send(new ErrorFrame(e.Detail ?? "The AI could not answer; please try again."));
                    break;
            }
        }

        private async Task HandleAsync(string text, CancellationToken ct)
        {
            ClientFrame? frame;
            try
            {
                frame = JsonSerializer.Deserialize<ClientFrame>(text, Errors.ApiJson.Options);
            }
            catch (JsonException)
            {
                frame = null;
            }
            switch (frame?.Type)
            {
                case "ping":
                    _frames.Send(new PongFrame());
                    break;
                case "message":
                    await SendMessageAsync(frame, ct);
                    break;
                case "stop":
                    var chat = frame.ChatId is { } stopId ? await ChatOfSessionAsync(stopId, ct) : _current;
                    if (chat is not null)
                    {
                        await replies.StopAsync(chat, ct);
                        _frames.Send(new StoppedFrame(chat.Id));
                    }
                    else _frames.Send(new ErrorFrame("Nothing to stop: no chat has been used on this socket."));
                    break;
                case "switch" when allowSwitch:
                    await SwitchAsync(frame, ct);
                    break;
                case "switch":
                    _frames.Send(new ErrorFrame("Switching chats is done on /ws/chat/{session_id}/switch."));
                    break;
                case null:
                    _frames.Send(new ErrorFrame("Frames are JSON objects with a \"type\": message, stop, ping" + (allowSwitch ? " or switch." : ".")));
                    break;
                default:
                    _frames.Send(new ErrorFrame($"Unknown frame type '{Shorten(frame.Type)}'."));
                    break;
            }
        }

        private async Task SendMessageAsync(ClientFrame frame, CancellationToken ct)
        {
            var content = frame.Content?.Trim();
            if (string.IsNullOrEmpty(content))
            {
                _frames.Send(new ErrorFrame("A message frame needs a non-empty \"content\"."));
                return;
            }
            if (content.Length > ConversationReplies.MaxMessageLength)
            {
                _frames.Send(new ErrorFrame($"content must be at most {ConversationReplies.MaxMessageLength} characters."));
                return;
            }
            if (!await WithinRateLimitAsync()) return;
            Conversation? chat;
            if (frame.ChatId is { } chatId)
            {
                chat = await ChatOfSessionAsync(chatId, ct);
                if (chat is null) return;
            }
            else
            {
                chat = _current ?? (await store.ListAsync(session.OwnerId, ConversationKinds.Planning, session.Id, false, null, null, 0, 1, ct)).FirstOrDefault()
                    ?? await store.CreateAsync(new NewConversation(ConversationKinds.Planning, session.OwnerId, "New chat", ParentId: session.Id,
                        CourseId: session.CourseId), ct);
            }
            _current = chat;
            // Stored and acknowledged before the reply is asked for, so the ack always precedes the reply's tokens.
            var message = await store.AppendAsync(chat.Id, MessageRoles.User, content, ct);
            _frames.Send(new AckFrame(message.Id, chat.Id));
            await replies.SendGenerateReplyAsync(chat, message.Id, ct);
        }

        /// <summary>A message on the socket costs a model call like an AI route: the same per-user limit (guests smaller).</summary>
        private async Task<bool> WithinRateLimitAsync()
        {
            var limits = services.GetRequiredService<IOptions<AiRateLimitOptions>>().Value;
            var limit = user.IsGuest() ? limits.GuestAiRequestsPerMinute : limits.AiRequestsPerMinute;
            var decision = await services.GetRequiredService<AiRequestLimiter>().TryAcquireAsync($"user:{session.OwnerId}", limit);
            if (decision.Allowed) return true;
            var retryAfter = Math.Max(1, (int)Math.Ceiling((decision.ResetAt - DateTimeOffset.UtcNow).TotalSeconds));
            _frames.Send(new ErrorFrame($"Too many AI requests: at most {decision.Limit} per minute. Try again in {retryAfter} s."));
            return false;
        }

        private async Task SwitchAsync(ClientFrame frame, CancellationToken ct)
        {
            if (frame.ChatId is not { } chatId)
            {
                _frames.Send(new ErrorFrame("A switch frame needs a \"chat_id\"."));
                return;
            }
            var chat = await ChatOfSessionAsync(chatId, ct);
            if (chat is null) return;
            _current = chat;
            var messages = await store.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
            _frames.Send(new HistoryFrame(chat.Id, messages
                .Select(m => new SocketMessage(m.Id, m.ConversationId, m.Role, m.Content, m.Status, m.CreatedAt)).ToList()));
        }

        private async Task<Conversation?> ChatOfSessionAsync(long chatId, CancellationToken ct)
        {
            var chat = await store.GetAsync(chatId, ct);
            if (chat is not null && chat.ParentId == session.Id && chat.OwnerId == session.OwnerId) return chat;
            _frames.Send(new ErrorFrame($"Chat {chatId} is not a chat of this session."));
            return null;
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }

    private sealed record ClientFrame(string? Type, string? Content, long? ChatId);
}
