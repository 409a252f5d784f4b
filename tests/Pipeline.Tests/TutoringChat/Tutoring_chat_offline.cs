using System.Net;
using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.TutoringChat;

/// <summary>Seed 003's tutoring chat on the conversation engine, answered by the offline provider.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Tutoring_chat_offline(PipelineFixture fixture)
{
    [Fact]
    public async Task Start_message_history_and_feedback()
    {
        var learner = await fixture.SignUpAsync();

        var started = await learner.StartChatAsync("I'm having trouble understanding REST API versioning");
        var chatId = started.GetProperty("chat_id").GetString()!;
        Assert.StartsWith("chat-", chatId);
        Assert.Equal("active", started.GetProperty("status").GetString());
        Assert.StartsWith("offline", started.GetProperty("ai_model").GetString()); // the offline provider names its model
        Assert.True(started.GetProperty("context_loaded").GetBoolean());
        var first = started.GetProperty("initial_response");
        Assert.StartsWith("[Offline tutor]", first.GetProperty("message").GetString());
        Assert.Contains("REST API versioning", first.GetProperty("message").GetString());
        Assert.Equal(3, first.GetProperty("suggestions").GetArrayLength());

        var sent = await learner.SendAsync(chatId, "Can you show me how to implement versioning?");
        var reply = sent.GetProperty("response");
        Assert.StartsWith("msg-", sent.GetProperty("message_id").GetString());
        Assert.Contains("Can you show me how to implement versioning?", reply.GetProperty("message").GetString());
        Assert.Contains("REST API versioning", reply.GetProperty("message").GetString()); // the history reached the model
        Assert.Equal(3, reply.GetProperty("follow_up_questions").GetArrayLength());
        Assert.Equal(0, reply.GetProperty("code_examples").GetArrayLength());

        var history = await learner.HistoryAsync(chatId);
        Assert.Equal(4, history.GetProperty("total_messages").GetInt32());
        Assert.Equal(["user", "assistant", "user", "assistant"], history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("I'm having trouble understanding REST API versioning", history.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal(sent.GetProperty("message_id").GetString(), history.GetProperty("messages")[3].GetProperty("message_id").GetString());
        Assert.Equal(["concept-1234"], history.GetProperty("concept_coverage").EnumerateArray().Select(c => c.GetString()));

        var feedback = await learner.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/feedback", new
        {
            message_id = sent.GetProperty("message_id").GetString(), rating = 5, helpful = true,
            feedback = "Clear explanation with great examples", improvement_suggestions = "Could include more real-world scenarios",
        });
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.True((await feedback.JsonAsync()).GetProperty("feedback_recorded").GetBoolean());
        var rated = (await learner.HistoryAsync(chatId)).GetProperty("messages")[3].GetProperty("feedback");
        Assert.Equal(5, rated.GetProperty("rating").GetInt32());
        Assert.Equal("Clear explanation with great examples", rated.GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task Chats_are_private_and_feedback_is_validated()
    {
        var learner = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();
        var started = await learner.StartChatAsync("What is idempotency?", mode: "explaining");
        var chatId = started.GetProperty("chat_id").GetString()!;
        var history = await learner.HistoryAsync(chatId);
        var userMessage = history.GetProperty("messages")[0].GetProperty("message_id").GetString();
        var tutorMessage = history.GetProperty("messages")[1].GetProperty("message_id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/learntrac/v1/chat/{chatId}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/message", new { message = "hello" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync("/api/learntrac/v1/chat/chat-abc/history")).StatusCode);
        var badRating = await learner.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/feedback", new { message_id = tutorMessage, rating = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, badRating.StatusCode);
        Assert.Equal("rating", (await badRating.JsonAsync()).GetProperty("error").GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await learner.Client.PostAsJsonAsync($"/api/learntrac/v1/chat/{chatId}/feedback", new { message_id = userMessage, rating = 4 })).StatusCode);
        var badMode = await learner.Client.PostAsJsonAsync("/api/learntrac/v1/chat/start", new { context = new { mode = "gossip" }, initial_message = "hi" });
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await learner.Client.PostAsJsonAsync("/api/learntrac/v1/chat/start", new { initial_message = "" })).StatusCode);
    }
}
