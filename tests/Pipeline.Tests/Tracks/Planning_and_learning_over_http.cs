using System.Net;
using Dapper;
using Npgsql;
using Pipeline.Handlers.Ai.Offline;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Tracks;

/// <summary>Seed 001's whole flow over HTTP with the offline provider: track, planning chat, plan, modules, learning.</summary>
[Collection(Seed001Collection.Name)]
public sealed class Planning_and_learning_over_http(Seed001Fixture fixture)
{
    [Fact]
    public async Task A_track_is_planned_in_a_chat_finalised_into_modules_and_learned_module_by_module()
    {
        var learner = (await fixture.SignUpAsync()).Client;

        var track = await learner.OkAsync(HttpMethod.Post, "/api/tracks", new
        {
            title = "Python for data analysis", description = "From zero to pandas", skill_area = "programming",
            difficulty_level = "beginner", estimated_duration_hours = 20, user_expectations = "Analyse my own spreadsheets",
        }, HttpStatusCode.Created);
        var trackId = track.GetProperty("id").GetInt64();
        Assert.Equal(0, track.GetProperty("modules").GetArrayLength());

        var session = await learner.OkAsync(HttpMethod.Post, "/api/chat/sessions", new { track_id = trackId }, HttpStatusCode.Created);
        var sessionId = session.GetProperty("id").GetInt64();
        var chat = await learner.OkAsync(HttpMethod.Post, "/api/chat/chats", new { session_id = sessionId, title = "Plan" }, HttpStatusCode.Created);
        var chatId = chat.GetProperty("id").GetInt64();

        var welcome = await learner.OkAsync(HttpMethod.Post, "/api/ai/welcome-message", new { track_id = trackId, session_id = sessionId, chat_id = chatId });
        Assert.StartsWith(OfflineLabel.DescriptionPrefix, welcome.GetProperty("message").GetString());
        Assert.True(welcome.GetProperty("plan").GetProperty("modules").GetArrayLength() >= 3);

        var first = await learner.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "I mostly use Excel at work.", chat_id = chatId });
        Assert.Equal(chatId, first.GetProperty("chat_id").GetInt64());
        Assert.StartsWith(OfflineChatReply.Label, first.GetProperty("response").GetString());
        var second = await learner.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "What should we start with?", chat_id = chatId });
        // The history reached the model: the second answer quotes the first question.
        Assert.Contains("I mostly use Excel at work.", second.GetProperty("response").GetString());

        var messages = await learner.OkAsync(HttpMethod.Get, $"/api/chat/chats/{chatId}/messages");
        Assert.Equal(["assistant", "user", "assistant", "user", "assistant"], messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        var plan = await learner.OkAsync(HttpMethod.Post, "/api/ai/generate-plan", new { session_id = sessionId, chat_id = chatId });
        var planned = plan.GetProperty("plan").GetProperty("modules").GetArrayLength();
        Assert.Contains("What should we start with?", plan.GetProperty("plan").GetProperty("summary").GetString());
        var draft = (await learner.OkAsync(HttpMethod.Get, "/api/chat/sessions")).EnumerateArray().Single().GetProperty("draft_plan");
        Assert.Equal(planned, draft.GetProperty("modules").GetArrayLength());

        var finalised = await learner.OkAsync(HttpMethod.Post, "/api/ai/finalize-course-plan", new { session_id = sessionId });
        var again = await learner.OkAsync(HttpMethod.Post, "/api/ai/finalize-course-plan", new { session_id = sessionId });
        Assert.Equal(planned, finalised.GetProperty("modules").GetArrayLength());
        Assert.Equal(Ids(finalised.GetProperty("modules")), Ids(again.GetProperty("modules")));
        var modules = (await learner.OkAsync(HttpMethod.Get, $"/api/tracks/{trackId}")).GetProperty("modules");
        Assert.Equal(planned, modules.GetArrayLength());
        var moduleId = modules[0].GetProperty("id").GetInt64();

        var start = await learner.OkAsync(HttpMethod.Post, "/api/ai/module-learning-start", new { module_id = moduleId });
        var moduleChatId = start.GetProperty("chat_id").GetInt64();
        Assert.StartsWith(OfflineChatReply.Label + " Welcome", start.GetProperty("message").GetProperty("content").GetString());
        var restart = await learner.OkAsync(HttpMethod.Post, "/api/ai/module-learning-start", new { module_id = moduleId });
        Assert.Equal(moduleChatId, restart.GetProperty("chat_id").GetInt64());

        var tutor = await learner.OkAsync(HttpMethod.Post, "/api/ai/module-chat", new { module_id = moduleId, message = "What is a DataFrame?" });
        Assert.Equal(moduleChatId, tutor.GetProperty("chat_id").GetInt64());
        Assert.Contains("What is a DataFrame?", tutor.GetProperty("response").GetString());

        var history = await learner.OkAsync(HttpMethod.Post, "/api/ai/module-chat-history", new { module_id = moduleId });
        Assert.Equal(["assistant", "user", "assistant"], history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        var complete = await learner.OkAsync(HttpMethod.Post, "/api/ai/module-complete", new { module_id = moduleId });
        Assert.True(complete.GetProperty("completed").GetBoolean());
        Assert.Equal(modules[1].GetProperty("id").GetInt64(), complete.GetProperty("next_module").GetProperty("id").GetInt64());
        Assert.Equal(1, complete.GetProperty("completed_modules").GetInt32());
        await learner.OkAsync(HttpMethod.Post, "/api/ai/module-complete", new { module_id = moduleId });

        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM learning_events WHERE verb = 'completed' AND object_type = 'module' AND object_id = @id", new { id = moduleId.ToString() }));
    }

    [Fact]
    public async Task A_lesson_is_generated_and_stored_on_the_module()
    {
        var learner = (await fixture.SignUpAsync()).Client;
        var moduleId = await TrackWithModulesAsync(learner);

        var lesson = await learner.OkAsync(HttpMethod.Post, "/api/ai/generate-lesson", new { module_id = moduleId });

        Assert.Equal("completed", lesson.GetProperty("status").GetString());
        Assert.StartsWith(OfflineLabel.DescriptionPrefix, lesson.GetProperty("lesson").GetProperty("explanation_markdown").GetString());
        Assert.True(lesson.GetProperty("lesson").GetProperty("quiz").GetArrayLength() > 0);
        var task = await learner.OkAsync(HttpMethod.Get, $"/api/tasks/{lesson.GetProperty("task_id").GetString()}/status");
        Assert.Equal("completed", task.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Chat_response_without_a_chat_starts_one_and_returns_its_id()
    {
        var learner = (await fixture.SignUpAsync()).Client;
        var trackId = (await learner.OkAsync(HttpMethod.Post, "/api/tracks", new { title = "Chess" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var reply = await learner.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "How do knights move?", track_id = trackId });
        var chatId = reply.GetProperty("chat_id").GetInt64();
        var sessionId = reply.GetProperty("session_id").GetInt64();
        var next = await learner.OkAsync(HttpMethod.Post, "/api/ai/chat-response", new { message = "And bishops?", chat_id = chatId });

        Assert.Equal(chatId, next.GetProperty("chat_id").GetInt64());
        var chats = await learner.OkAsync(HttpMethod.Get, $"/api/chat/sessions/{sessionId}/chats");
        Assert.Equal(chatId, chats.EnumerateArray().Single().GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Settings_default_and_per_user_and_the_connection_test_names_the_offline_provider()
    {
        var learner = (await fixture.SignUpAsync()).Client;
        var defaults = await learner.OkAsync(HttpMethod.Get, "/api/ai/default-config");
        Assert.Equal("offline", defaults.GetProperty("provider").GetString());

        var changed = await learner.OkAsync(HttpMethod.Put, "/api/ai/user-config", new { language = "ru", tone = "formal" });
        Assert.Equal("ru", changed.GetProperty("language").GetString());
        var mine = await learner.OkAsync(HttpMethod.Get, "/api/ai/user-config");
        Assert.Equal("formal", mine.GetProperty("tone").GetString());
        Assert.Equal(defaults.GetProperty("temperature").GetDouble(), mine.GetProperty("temperature").GetDouble());

        var test = await learner.OkAsync(HttpMethod.Post, "/api/ai/test-connection");
        Assert.True(test.GetProperty("success").GetBoolean());
        Assert.Equal("offline", test.GetProperty("provider").GetString());
    }

    public static async Task<long> TrackWithModulesAsync(HttpClient learner)
    {
        var trackId = (await learner.OkAsync(HttpMethod.Post, "/api/tracks", new { title = "Statistics", estimated_duration_hours = 10 },
            HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var sessionId = (await learner.OkAsync(HttpMethod.Post, "/api/chat/sessions", new { track_id = trackId }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        await learner.OkAsync(HttpMethod.Post, "/api/ai/generate-plan", new { session_id = sessionId });
        var finalised = await learner.OkAsync(HttpMethod.Post, "/api/ai/finalize-course-plan", new { session_id = sessionId });
        return finalised.GetProperty("modules")[0].GetProperty("id").GetInt64();
    }

    private static List<long> Ids(System.Text.Json.JsonElement modules) => modules.EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
}
