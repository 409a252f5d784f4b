using System.Net;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Tracks;

/// <summary>Every seed 001 route: 401 without a token, another user's things are 404, bad bodies 400 {"detail"}, never a 500.</summary>
[Collection(Seed001Collection.Name)]
public sealed class Seed001_route_access(Seed001Fixture fixture)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/tracks" }, { "POST", "/api/tracks" }, { "GET", "/api/tracks/1" }, { "PUT", "/api/tracks/1" }, { "DELETE", "/api/tracks/1" },
        { "POST", "/api/chat/sessions" }, { "POST", "/api/chat/chats" }, { "GET", "/api/chat/sessions/1/chats" },
        { "GET", "/api/chat/chats/1/messages" }, { "GET", "/api/chat/sessions" }, { "PUT", "/api/chat/sessions/1/status" },
        { "PUT", "/api/chat/chats/1/status" }, { "POST", "/api/ai/generate-plan" }, { "POST", "/api/ai/chat-response" },
        { "POST", "/api/ai/generate-lesson" }, { "GET", "/api/ai/user-config" }, { "PUT", "/api/ai/user-config" },
        { "GET", "/api/ai/default-config" }, { "POST", "/api/ai/test-connection" }, { "POST", "/api/ai/welcome-message" },
        { "POST", "/api/ai/finalize-course-plan" }, { "POST", "/api/ai/module-learning-start" }, { "POST", "/api/ai/module-chat" },
        { "POST", "/api/ai/module-complete" }, { "POST", "/api/ai/module-chat-history" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_token_every_route_is_a_401_detail(string method, string path)
    {
        var (status, body) = await fixture.CreateClient().SendJsonAsync(new HttpMethod(method), path, new { });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Another_users_track_session_chat_and_module_are_not_found()
    {
        var owner = (await fixture.SignUpAsync()).Client;
        var moduleId = await Planning_and_learning_over_http.TrackWithModulesAsync(owner);
        var session = (await owner.OkAsync(HttpMethod.Get, "/api/chat/sessions")).EnumerateArray().Single();
        var sessionId = session.GetProperty("id").GetInt64();
        var trackId = session.GetProperty("track_id").GetInt64();
        var chatId = (await owner.OkAsync(HttpMethod.Post, "/api/chat/chats", new { session_id = sessionId }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var stranger = (await fixture.SignUpAsync()).Client;

        (string Method, string Path, object? Body)[] attempts =
        [
            ("GET", $"/api/tracks/{trackId}", null), ("PUT", $"/api/tracks/{trackId}", new { title = "mine now" }), ("DELETE", $"/api/tracks/{trackId}", null),
            ("POST", "/api/chat/sessions", new { track_id = trackId }), ("POST", "/api/chat/chats", new { session_id = sessionId }),
            ("GET", $"/api/chat/sessions/{sessionId}/chats", null), ("GET", $"/api/chat/chats/{chatId}/messages", null),
            ("PUT", $"/api/chat/sessions/{sessionId}/status", new { status = "archived" }), ("PUT", $"/api/chat/chats/{chatId}/status", new { status = "archived" }),
            ("POST", "/api/ai/generate-plan", new { track_id = trackId }), ("POST", "/api/ai/chat-response", new { message = "hi", chat_id = chatId }),
            ("POST", "/api/ai/generate-lesson", new { module_id = moduleId }), ("POST", "/api/ai/welcome-message", new { session_id = sessionId }),
            ("POST", "/api/ai/finalize-course-plan", new { session_id = sessionId }), ("POST", "/api/ai/module-learning-start", new { module_id = moduleId }),
            ("POST", "/api/ai/module-chat", new { module_id = moduleId, message = "hi" }), ("POST", "/api/ai/module-complete", new { module_id = moduleId }),
            ("POST", "/api/ai/module-chat-history", new { module_id = moduleId }),
        ];
        foreach (var (method, path, body) in attempts)
        {
            var (status, json) = await stranger.SendJsonAsync(new HttpMethod(method), path, body);
            Assert.True(status == HttpStatusCode.NotFound, $"{method} {path}: {(int)status} {json}");
            Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
        }
        // And nothing of the owner's changed.
        var track = await owner.OkAsync(HttpMethod.Get, $"/api/tracks/{trackId}");
        Assert.Equal("Statistics", track.GetProperty("title").GetString());
        Assert.All(track.GetProperty("modules").EnumerateArray(), m => Assert.False(m.GetProperty("is_completed").GetBoolean()));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "POST", "/api/tracks", """{"title": ""}""" },
        { "POST", "/api/tracks", """{"title": "x", "estimated_duration_hours": -3}""" },
        { "POST", "/api/tracks", """{"title": "x", "difficulty_level": "godlike"}""" },
        { "POST", "/api/tracks", """{"title": 42}""" },
        { "POST", "/api/tracks", """{"title": "x""" },
        { "PUT", "/api/tracks/{track}", """{"title": "   "}""" },
        { "GET", "/api/tracks/abc", "" },
        { "POST", "/api/chat/sessions", "{}" },
        { "POST", "/api/chat/chats", """{"session_id": "nope"}""" },
        { "PUT", "/api/chat/sessions/{session}/status", """{"status": "exploded"}""" },
        { "PUT", "/api/chat/chats/{chat}/status", """{}""" },
        { "POST", "/api/ai/chat-response", """{"message": ""}""" },
        { "POST", "/api/ai/chat-response", """{"message": ["a"]}""" },
        { "POST", "/api/ai/generate-plan", "{}" },
        { "POST", "/api/ai/generate-lesson", "{}" },
        { "POST", "/api/ai/welcome-message", "{}" },
        { "POST", "/api/ai/finalize-course-plan", """{"session_id": {session}, "plan": {"title": "t", "summary": "s", "modules": []}}""" },
        { "POST", "/api/ai/module-chat", """{"module_id": 1}""" },
        { "POST", "/api/ai/module-complete", """{"module_id": null}""" },
        { "POST", "/api/ai/module-chat-history", "{}" },
        { "PUT", "/api/ai/user-config", """{"temperature": 7}""" },
        { "PUT", "/api/ai/user-config", """{"tone": "sarcastic"}""" },
        { "PUT", "/api/ai/user-config", "{}" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_detail(string method, string path, string body)
    {
        var learner = (await fixture.SignUpAsync()).Client;
        var trackId = (await learner.OkAsync(HttpMethod.Post, "/api/tracks", new { title = "Go" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var sessionId = (await learner.OkAsync(HttpMethod.Post, "/api/chat/sessions", new { track_id = trackId }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var chatId = (await learner.OkAsync(HttpMethod.Post, "/api/chat/chats", new { session_id = sessionId }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        string Fill(string s) => s.Replace("{track}", trackId.ToString()).Replace("{session}", sessionId.ToString()).Replace("{chat}", chatId.ToString());

        var (status, json) = await learner.SendJsonAsync(new HttpMethod(method), Fill(path), body.Length == 0 ? null : Fill(body));

        Assert.True(status == HttpStatusCode.BadRequest, $"{method} {path} {body}: {(int)status} {json}");
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_guest_plans_and_chats_but_cannot_change_a_sessions_status()
    {
        var guest = (await fixture.GuestAsync()).Client;
        var trackId = (await guest.OkAsync(HttpMethod.Post, "/api/tracks", new { title = "Guitar" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var reply = await guest.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "Where do I start?", track_id = trackId });
        var sessionId = reply.GetProperty("session_id").GetInt64();

        var (status, json) = await guest.SendJsonAsync(HttpMethod.Put, $"/api/chat/sessions/{sessionId}/status", new { status = "paused" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
        await guest.OkAsync(HttpMethod.Put, $"/api/chat/chats/{reply.GetProperty("chat_id").GetInt64()}/status", new { status = "paused" });
    }

    [Fact]
    public async Task Deleting_a_track_deletes_its_sessions_chats_and_modules()
    {
        var learner = (await fixture.SignUpAsync()).Client;
        var moduleId = await Planning_and_learning_over_http.TrackWithModulesAsync(learner);
        var session = (await learner.OkAsync(HttpMethod.Get, "/api/chat/sessions")).EnumerateArray().Single();
        var trackId = session.GetProperty("track_id").GetInt64();

        await learner.OkAsync(HttpMethod.Delete, $"/api/tracks/{trackId}");

        Assert.Equal(0, (await learner.OkAsync(HttpMethod.Get, "/api/chat/sessions")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await learner.SendJsonAsync(HttpMethod.Post, "/api/ai/module-complete", new { module_id = moduleId })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.SendJsonAsync(HttpMethod.Get, $"/api/tracks/{trackId}")).Status);
    }
}
