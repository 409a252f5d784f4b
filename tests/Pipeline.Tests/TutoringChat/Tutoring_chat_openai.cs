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

    private const string StructuredAnswer = """
        {"message": "Versioning keeps old clients working while the API changes. Which clients do you have to keep working?",
         "code_examples": [{"language": "python", "title": "Header versioning",
                            "code": "@app.get(\"/users\")\nasync def users(api_version: str = Header(...)):\n    return {\"version\": api_version}"}],
         "follow_up_questions": ["Shall we compare URL and header versioning?", "Do you want a test for the versioned route?"]}
        """;

    [Fact]
    public async Task The_reply_structure_is_asked_as_structured_output_and_read_from_it()
    {
        fixture.Llm.Behaviour = _ => FakeChatReply.WithContent(StructuredAnswer);
        var learner = await fixture.SignUpAsync();
        var started = await learner.StartChatAsync("How do I version an API?");
        var chatId = started.GetProperty("chat_id").GetString()!;

        var sent = await learner.SendAsync(chatId, "Show me header versioning in FastAPI");

        // Asked of the model as structured output: the tutor reply schema, strict, streamed.
        var request = fixture.Llm.Requests[^1];
        Assert.Equal("json_schema", request.ResponseFormatType);
        Assert.Equal("tutor_reply", request.SchemaName);
        Assert.True(request.Strict);
        Assert.True(request.Stream);
        var properties = request.Schema!.Value.GetProperty("properties");
        Assert.True(properties.TryGetProperty("message", out _));
        Assert.True(properties.GetProperty("code_examples").GetProperty("items").GetProperty("properties").TryGetProperty("language", out _));
        Assert.Equal(3, properties.GetProperty("follow_up_questions").GetProperty("maxItems").GetInt32());

        // The reply's parts come from it: the prose alone as the message, the examples and follow-ups as the model gave them
        // (not the question in the prose, which reading the Markdown would have offered).
        var reply = sent.GetProperty("response");
        Assert.Equal("Versioning keeps old clients working while the API changes. Which clients do you have to keep working?",
            reply.GetProperty("message").GetString());
        var code = Assert.Single(reply.GetProperty("code_examples").EnumerateArray());
        Assert.Equal("python", code.GetProperty("language").GetString());
        Assert.Equal("Header versioning", code.GetProperty("title").GetString());
        Assert.Equal("@app.get(\"/users\")\nasync def users(api_version: str = Header(...)):\n    return {\"version\": api_version}",
            code.GetProperty("code").GetString());
        Assert.Equal(["Shall we compare URL and header versioning?", "Do you want a test for the versioned route?"],
            reply.GetProperty("follow_up_questions").EnumerateArray().Select(q => q.GetString()));
        // The first reply too: its example as a resource, its follow-ups as suggestions.
        Assert.Equal("Header versioning", started.GetProperty("initial_response").GetProperty("resources")[0].GetProperty("title").GetString());
        Assert.Equal("Shall we compare URL and header versioning?", started.GetProperty("initial_response").GetProperty("suggestions")[0].GetString());
        // The history stores the prose the learner saw, not the JSON.
        var history = await learner.HistoryAsync(chatId);
        Assert.Equal(reply.GetProperty("message").GetString(), history.GetProperty("messages")[3].GetProperty("content").GetString());
    }
}
