using System.Net;
using System.Net.WebSockets;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Tracks;

/// <summary>/ws/chat with a real WebSocket client, the model behind the fake OpenAI server streaming slowly.</summary>
[Collection(StreamingChatCollection.Name)]
public sealed class Chatting_over_a_websocket(StreamingChatFixture fixture)
{
    private static readonly string LongAnswer = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"word{i}"));

    private async Task<(TestUser User, long SessionId, long ChatId)> SessionAsync()
    {
        var user = await fixture.SignUpAsync();
        var trackId = (await user.Client.OkAsync(HttpMethod.Post, "/api/tracks", new { title = "Go concurrency" }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        var sessionId = (await user.Client.OkAsync(HttpMethod.Post, "/api/chat/sessions", new { track_id = trackId }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        var chatId = (await user.Client.OkAsync(HttpMethod.Post, "/api/chat/chats", new { session_id = sessionId }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        return (user, sessionId, chatId);
    }

    [Fact]
    public async Task Tokens_arrive_before_the_final_message_which_is_stored()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.WithContent("Goroutines are cheap threads managed by the Go runtime, scheduled onto OS threads.");
        fixture.Model.TokenDelay = TimeSpan.FromMilliseconds(20);
        var (user, sessionId, chatId) = await SessionAsync();
        await using var socket = await JsonSocketClient.ConnectAsync(fixture.BaseAddress, $"/ws/chat/{sessionId}", user.AccessToken);

        await socket.SendAsync(new { type = "message", content = "What is a goroutine?", chat_id = chatId });
        var frames = await socket.ReceiveUntilAsync("message");

        Assert.Equal("ack", frames[0].GetProperty("type").GetString());
        Assert.Equal(chatId, frames[0].GetProperty("chat_id").GetInt64());
        var tokens = frames.Where(f => f.GetProperty("type").GetString() == "token").ToList();
        Assert.True(tokens.Count >= 10, $"only {tokens.Count} tokens before the message");
        var message = frames[^1].GetProperty("message");
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal(string.Concat(tokens.Select(t => t.GetProperty("delta").GetString())), message.GetProperty("content").GetString());
        Assert.StartsWith("Goroutines are cheap", message.GetProperty("content").GetString());

        var stored = await user.Client.OkAsync(HttpMethod.Get, $"/api/chat/chats/{chatId}/messages");
        Assert.Equal(["user", "assistant"], stored.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("completed", stored[1].GetProperty("status").GetString());
        Assert.Equal(message.GetProperty("message_id").GetInt64(), stored[1].GetProperty("message_id").GetInt64());
    }

    [Fact]
    public async Task Stop_ends_the_model_call_and_keeps_the_text_so_far()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.WithContent(LongAnswer);
        fixture.Model.TokenDelay = TimeSpan.FromMilliseconds(150);
        var abandonedBefore = fixture.Model.StreamsAbandoned;
        var (user, sessionId, chatId) = await SessionAsync();
        await using var socket = await JsonSocketClient.ConnectAsync(fixture.BaseAddress, $"/ws/chat/{sessionId}", user.AccessToken, tokenInHeader: true);

        await socket.SendAsync(new { type = "message", content = "Tell me everything.", chat_id = chatId });
        await socket.ReceiveUntilAsync("token");
        await socket.SendAsync(new { type = "stop" });
        var frames = await socket.ReceiveUntilAsync("message");

        var message = frames[^1].GetProperty("message");
        Assert.Equal("stopped", message.GetProperty("status").GetString());
        Assert.StartsWith("word1 ", message.GetProperty("content").GetString());
        Assert.DoesNotContain("word60", message.GetProperty("content").GetString());
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Model.StreamsAbandoned > abandonedBefore), TimeSpan.FromSeconds(10),
            "the fake model sees its stream closed");
        var stored = await user.Client.OkAsync(HttpMethod.Get, $"/api/chat/chats/{chatId}/messages");
        Assert.Equal("stopped", stored[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Switch_returns_a_chats_history_and_two_sockets_both_see_a_reply()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.WithContent("Channels pass values between goroutines.");
        fixture.Model.TokenDelay = TimeSpan.Zero;
        var (user, sessionId, chatId) = await SessionAsync();
        await using var first = await JsonSocketClient.ConnectAsync(fixture.BaseAddress, $"/ws/chat/{sessionId}", user.AccessToken);
        await using var second = await JsonSocketClient.ConnectAsync(fixture.BaseAddress, $"/ws/chat/{sessionId}/switch", user.AccessToken);
        await second.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await second.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await first.SendAsync(new { type = "message", content = "And channels?", chat_id = chatId });
        var seenByFirst = (await first.ReceiveUntilAsync("message"))[^1];
        var seenBySecond = (await second.ReceiveUntilAsync("message"))[^1];
        Assert.Equal(seenByFirst.GetProperty("message").GetProperty("message_id").GetInt64(),
            seenBySecond.GetProperty("message").GetProperty("message_id").GetInt64());

        await second.SendAsync(new { type = "switch", chat_id = chatId });
        var history = (await second.ReceiveUntilAsync("history"))[^1];
        Assert.Equal(chatId, history.GetProperty("chat_id").GetInt64());
        Assert.Equal(["And channels?", "Channels pass values between goroutines."],
            history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
    }

    [Fact]
    public async Task Bad_frames_get_an_error_and_the_socket_stays_open()
    {
        var (user, sessionId, _) = await SessionAsync();
        await using var socket = await JsonSocketClient.ConnectAsync(fixture.BaseAddress, $"/ws/chat/{sessionId}", user.AccessToken);

        foreach (var bad in new[] { "not json", "{\"type\": \"dance\"}", "{\"type\": \"message\"}", "{\"type\": \"switch\", \"chat_id\": 1}",
                     "{\"type\": \"message\", \"content\": \"hi\", \"chat_id\": 999999999}" })
        {
            await socket.SendTextAsync(bad);
            var frame = (await socket.ReceiveAsync())!.Value;
            Assert.Equal("error", frame.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(frame.GetProperty("detail").GetString()));
        }
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_bad_token_or_someone_elses_session_is_closed_with_1008()
    {
        var (owner, sessionId, _) = await SessionAsync();
        var stranger = await fixture.SignUpAsync();

        foreach (var (path, token) in new[] { ($"/ws/chat/{sessionId}", (string?)null), ($"/ws/chat/{sessionId}", "not-a-token"),
                     ($"/ws/chat/{sessionId}", stranger.AccessToken), ($"/ws/chat/{sessionId}/switch", stranger.AccessToken),
                     ("/ws/chat/abc", owner.AccessToken), ("/ws/chat/999999999", owner.AccessToken) })
        {
            await using var socket = await JsonSocketClient.ConnectAsync(fixture.BaseAddress, path, token);
            Assert.Null(await socket.ReceiveAsync());
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.Socket.CloseStatus);
        }
    }

    [Fact]
    public async Task The_learners_settings_and_the_chat_history_reach_the_model()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.WithContent("Noted.");
        fixture.Model.TokenDelay = TimeSpan.Zero;
        var (user, _, chatId) = await SessionAsync();
        await user.Client.OkAsync(HttpMethod.Put, "/api/ai/user-config", new { language = "ru", temperature = 0.2, max_tokens = 300 });

        await user.Client.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "First question", chat_id = chatId });
        await user.Client.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "Second question", chat_id = chatId });

        var request = fixture.Model.Requests.Last(r => r.Messages.Any(m => m.Content == "Second question"));
        Assert.Contains("Track: Go concurrency", request.Messages[0].Content);
        Assert.Contains("'ru'", request.Messages[0].Content);
        Assert.Equal(0.2, request.Temperature!.Value, 3);
        Assert.Equal(300, request.MaxTokens);
        Assert.Equal(["system", "user", "assistant", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal("First question", request.Messages[1].Content);
    }
}
