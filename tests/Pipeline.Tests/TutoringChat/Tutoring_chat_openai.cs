using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.TutoringChat;

/// <summary>The same chat through the real OpenAI SDK against the local fake server.</summary>
public sealed class Tutoring_chat_openai(OpenAiPipelineFixture fixture) : IClassFixture<OpenAiPipelineFixture>
{
    private const string Answer = """
        Certainly! Here's how to implement API versioning in FastAPI.

        **URL Path Versioning**
        ```python
        @app.get("/api/v1/users")
        async def get_users_v1():
            return {"version": 1}
        ```

        Would you like to see header-based versioning? Should I explain the pros and cons of each approach?
        """;

    [Fact]
    public async Task The_reply_carries_code_examples_follow_ups_tokens_and_the_model_used()
    {
        fixture.Llm.Behaviour = _ => FakeChatReply.WithContent(Answer);
        var learner = await fixture.SignUpAsync();

        var started = await learner.StartChatAsync("I'm having trouble understanding REST API versioning");
        Assert.Equal(FakeOpenAiServer.Model, started.GetProperty("ai_model").GetString());
        var resource = started.GetProperty("initial_response").GetProperty("resources")[0];
        Assert.Equal("example", resource.GetProperty("type").GetString());
        Assert.Equal("URL Path Versioning", resource.GetProperty("title").GetString());

        var sent = await learner.SendAsync(started.GetProperty("chat_id").GetString()!, "Can you show me how to implement versioning in FastAPI?");
        var reply = sent.GetProperty("response");
        var code = reply.GetProperty("code_examples")[0];
        Assert.Equal("python", code.GetProperty("language").GetString());
        Assert.Equal("URL Path Versioning", code.GetProperty("title").GetString());
        Assert.Contains("async def get_users_v1():", code.GetProperty("code").GetString());
        Assert.Equal(["Would you like to see header-based versioning?", "Should I explain the pros and cons of each approach?"],
            reply.GetProperty("follow_up_questions").EnumerateArray().Select(q => q.GetString()));
        Assert.True(sent.GetProperty("tokens_used").GetInt32() > 0);

        // The model saw the tutoring system prompt with the chat's context, and the whole conversation so far.
        var last = fixture.Llm.Requests[^1];
        Assert.Contains(last.Messages, m => m.Role == "system" && m.Content.Contains("Concept id: 1234"));
        Assert.Contains(last.Messages, m => m.Role == "user" && m.Content.Contains("REST API versioning"));
        Assert.Equal(4, (await learner.HistoryAsync(started.GetProperty("chat_id").GetString()!)).GetProperty("total_messages").GetInt32());
    }
}
