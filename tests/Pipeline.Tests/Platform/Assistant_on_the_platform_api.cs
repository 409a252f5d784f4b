using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Assistant_on_the_platform_api(PlatformFixture fixture)
{
    private static readonly TimeSpan Reply = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_assistant_answers_with_the_users_note_as_context_and_continues_the_conversation()
    {
        var ada = await fixture.SignUpAsync();
        var note = await (await ada.Client.PostJsonAsync("/api/v1/notes", new { title = "Eigenvalues", content = "det(A - λI) = 0" })).ExpectAsync(HttpStatusCode.Created);

        var first = await (await ada.Client.PostJsonAsync("/api/v1/ai/chat", new { message = "Explain my note", contextRefs = new { noteIds = new[] { note.Id() } } }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("assistant", first.GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("content").GetString()));

        var second = await (await ada.Client.PostJsonAsync("/api/v1/ai/chat", new { message = "And an example?", conversation_id = first.GetProperty("conversation_id").GetInt64(), voice = true }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("conversation_id").GetInt64(), second.GetProperty("conversation_id").GetInt64());
        Assert.NotEqual(first.GetProperty("message_id").GetInt64(), second.GetProperty("message_id").GetInt64());
        Assert.StartsWith("voice-session-", second.GetProperty("voice_session").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Context_the_user_cannot_see_is_403_and_another_users_conversation_is_404()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var note = await (await ada.Client.PostJsonAsync("/api/v1/notes", new { title = "Private" })).ExpectAsync(HttpStatusCode.Created);
        var course = await (await ada.Client.PostJsonAsync("/api/v1/courses", new { title = "Private course" })).ExpectAsync(HttpStatusCode.Created);
        var adas = await (await ada.Client.PostJsonAsync("/api/v1/ai/chat", new { message = "hello" })).ExpectAsync(HttpStatusCode.OK);

        await (await bob.Client.PostJsonAsync("/api/v1/ai/chat", new { message = "read it", contextRefs = new { noteIds = new[] { note.Id() } } }))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "contextRefs.noteIds");
        await (await bob.Client.PostJsonAsync("/api/v1/ai/chat", new { message = "read it", contextRefs = new { courseIds = new[] { course.Id() } } }))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "contextRefs.courseIds");
        await (await bob.Client.PostJsonAsync("/api/v1/ai/summary", new { noteId = note.Id() })).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await bob.Client.PostJsonAsync("/api/v1/ai/chat", new { message = "hi", conversation_id = adas.GetProperty("conversation_id").GetInt64() }))
            .ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await fixture.CreateClient().PostJsonAsync("/api/v1/ai/chat", new { message = "hi" })).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_summary_of_given_text_a_note_or_a_course()
    {
        var ada = await fixture.SignUpAsync();
        var course = await (await ada.Client.PostJsonAsync("/api/v1/courses", new { title = "Chess", modules = new[] { new { title = "Openings" } } })).ExpectAsync(HttpStatusCode.Created);

        var ofText = await (await ada.Client.PostJsonAsync("/api/v1/ai/summary", new { text = "Spaced repetition schedules reviews at growing intervals." })).ExpectAsync(HttpStatusCode.OK);
        var ofCourse = await (await ada.Client.PostJsonAsync("/api/v1/ai/summary", new { courseId = course.Id() })).ExpectAsync(HttpStatusCode.OK);

        Assert.False(string.IsNullOrWhiteSpace(ofText.GetProperty("content").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(ofCourse.GetProperty("content").GetString()));
    }

    [Fact]
    public async Task A_voice_session_says_how_to_open_the_voice_channel()
    {
        var ada = await fixture.SignUpAsync();

        var session = await (await ada.Client.PostAsync("/api/v1/ai/voice-session", null)).ExpectAsync(HttpStatusCode.Created);

        Assert.StartsWith("voice-session-", session.GetProperty("session_id").GetString());
        Assert.Contains("/ws/voice?token=", session.GetProperty("websocket_url").GetString());
    }

    [Theory]
    [InlineData("/api/v1/ai/chat", """{"contextRefs": {"noteIds": []}}""", "message")]
    [InlineData("/api/v1/ai/chat", """{"message": "hi", "contextRefs": {"noteIds": ["one"]}}""", "contextRefs.noteIds[0]")]
    [InlineData("/api/v1/ai/chat", """{"message": "hi", "voice": "loud"}""", "voice")]
    [InlineData("/api/v1/ai/summary", """{}""", "noteId")]
    [InlineData("/api/v1/ai/summary", """{"text": "a", "noteId": 1}""", "noteId")]
    public async Task A_bad_assistant_body_is_400_naming_the_field(string path, string body, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.SendRawAsync(HttpMethod.Post, path, body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
