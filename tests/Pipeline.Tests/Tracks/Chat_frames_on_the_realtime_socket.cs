using System.Net;
using System.Text.Json;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.Platform;

namespace Pipeline.Tests.Tracks;

/// <summary>
/// Seed 004's realtime socket carries the user's chat frames (the same as /ws/chat, addressed by chat_id, each with an
/// event_id), and a reconnecting client replays the ones it missed in order.
/// </summary>
[Collection(StreamingChatCollection.Name)]
public sealed class Chat_frames_on_the_realtime_socket(StreamingChatFixture fixture)
{
    private const string Answer = "Channels connect goroutines: one sends a value, another receives it, and both wait for each other.";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reply_streams_on_the_realtime_socket_and_replays_from_its_ack()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.WithContent(Answer);
        fixture.Model.TokenDelay = TimeSpan.FromMilliseconds(20);
        var user = await fixture.SignUpAsync();
        var chatId = await ChatAsync(user);
        await using var realtime = await RealtimeClient.ConnectAsync(fixture.BaseAddress, user.AccessToken);

        var reply = await user.Client.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "What is a channel?", chat_id = chatId });

        var live = await UntilMessageAsync(realtime);
        Assert.Equal("ack", Type(live[0]));
        Assert.Equal(reply.GetProperty("user_message_id").GetInt64(), live[0].GetProperty("message_id").GetInt64());
        Assert.All(live, f => Assert.Equal(chatId, ChatId(f)));
        var tokens = live.Where(f => Type(f) == "token").ToList();
        Assert.True(tokens.Count >= 5, $"only {tokens.Count} token frames");
        var message = live[^1].GetProperty("message");
        Assert.Equal(Answer, message.GetProperty("content").GetString());
        Assert.Equal("completed", message.GetProperty("status").GetString());
        Assert.Equal(Answer, string.Concat(tokens.Select(t => t.GetProperty("delta").GetString())));
        Assert.All(tokens, t => Assert.Equal(message.GetProperty("message_id").GetInt64(), t.GetProperty("message_id").GetInt64()));
        Assert.Equal(reply.GetProperty("message_id").GetInt64(), message.GetProperty("message_id").GetInt64());
        var eventIds = live.Select(EventId).ToList();
        Assert.Equal(eventIds.OrderBy(id => id).ToList(), eventIds);
        Assert.Equal(eventIds.Count, eventIds.Distinct().Count());

        // Reconnecting after the ack: the same frames again, in order, then nothing twice.
        await using var again = await RealtimeClient.ConnectAsync(fixture.BaseAddress, user.AccessToken,
            lastEventId: live[0].GetProperty("event_id").GetString());
        var replayed = await UntilMessageAsync(again);
        Assert.Equal(live.Skip(1).Select(f => f.GetRawText()), replayed.Select(f => f.GetRawText()));
        Assert.Empty(await again.CollectAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_failed_reply_is_an_error_frame_naming_its_chat_and_another_users_chat_is_not_on_my_socket()
    {
        fixture.Model.Behaviour = _ => FakeChatReply.Unauthorized();
        fixture.Model.TokenDelay = TimeSpan.Zero;
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var chatId = await ChatAsync(ada);
        await using var adas = await RealtimeClient.ConnectAsync(fixture.BaseAddress, ada.AccessToken);
        await using var bobs = await RealtimeClient.ConnectAsync(fixture.BaseAddress, bob.AccessToken);

        var response = await ada.Client.PostJsonAsync("/api/ai/chat-response", new { message = "Anything?", chat_id = chatId });
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);

        var error = await adas.NextAsync(f => Type(f) == "error", Within, "error");
        Assert.Equal(chatId, ChatId(error));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
        Assert.Empty(await bobs.CollectAsync(TimeSpan.FromSeconds(2)));
    }

    private static async Task<long> ChatAsync(TestUser user)
    {
        var trackId = (await user.Client.OkAsync(HttpMethod.Post, "/api/tracks", new { title = "Go channels" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var sessionId = (await user.Client.OkAsync(HttpMethod.Post, "/api/chat/sessions", new { track_id = trackId }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        return (await user.Client.OkAsync(HttpMethod.Post, "/api/chat/chats", new { session_id = sessionId }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> UntilMessageAsync(RealtimeClient socket)
    {
        var frames = new List<JsonElement>();
        while (frames.Count == 0 || Type(frames[^1]) != "message")
            frames.Add(await socket.NextAsync(f => Type(f) is "ack" or "token" or "message", Within, "chat"));
        return frames;
    }

    private static string? Type(JsonElement frame) => frame.GetProperty("type").GetString();

    private static long ChatId(JsonElement frame) =>
        frame.TryGetProperty("chat_id", out var id) ? id.GetInt64() : frame.GetProperty("message").GetProperty("chat_id").GetInt64();

    /// <summary>Redis stream ids (milliseconds-sequence) in numeric order.</summary>
    private static (long, long) EventId(JsonElement frame)
    {
        var parts = frame.GetProperty("event_id").GetString()!.Split('-');
        return (long.Parse(parts[0]), long.Parse(parts[1]));
    }
}
