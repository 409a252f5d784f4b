using System.Net;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Notes_on_the_platform_api(PlatformFixture fixture)
{
    [Fact]
    public async Task A_note_is_written_read_edited_and_deleted()
    {
        var ada = await fixture.SignUpAsync();

        var note = await (await ada.Client.PostJsonAsync("/api/v1/notes", new { title = "Eigenvalues", content = "Av = λv", tags = new[] { "math" } }))
            .ExpectAsync(HttpStatusCode.Created);
        var read = await (await ada.Client.GetAsync($"/api/v1/notes/{note.Id()}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Av = λv", read.GetProperty("content").GetString());

        var edited = await (await ada.Client.PatchJsonAsync($"/api/v1/notes/{note.Id()}", new { content = "Av = λv, det(A - λI) = 0" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Eigenvalues", edited.GetProperty("title").GetString());
        Assert.StartsWith("Av = λv, det", edited.GetProperty("content").GetString());

        var listed = await (await ada.Client.GetAsync("/api/v1/notes")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([note.Id()], listed.Items().Select(n => n.Id()));

        await (await ada.Client.DeleteAsync($"/api/v1/notes/{note.Id()}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await ada.Client.GetAsync($"/api/v1/notes/{note.Id()}")).ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_users_note_is_refused()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var note = await (await ada.Client.PostJsonAsync("/api/v1/notes", new { title = "Private" })).ExpectAsync(HttpStatusCode.Created);

        await (await bob.Client.GetAsync($"/api/v1/notes/{note.Id()}")).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await bob.Client.PatchJsonAsync($"/api/v1/notes/{note.Id()}", new { title = "Mine" })).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await bob.Client.DeleteAsync($"/api/v1/notes/{note.Id()}")).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await ada.Client.GetAsync($"/api/v1/notes/{note.Id()}")).ExpectAsync(HttpStatusCode.OK);
        await (await fixture.CreateClient().GetAsync("/api/v1/notes")).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_note_cannot_name_a_course_the_user_cannot_see()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var course = await (await ada.Client.PostJsonAsync("/api/v1/courses", new { title = "Ada's" })).ExpectAsync(HttpStatusCode.Created);

        await (await bob.Client.PostJsonAsync("/api/v1/notes", new { title = "Sneaky", course_id = course.Id() })).ExpectErrorAsync(HttpStatusCode.NotFound, "course_id");
    }

    [Theory]
    [InlineData("""{"content": "no title"}""", "title")]
    [InlineData("""{"title": "x", "tags": "math"}""", "tags")]
    [InlineData("""{"title": "x", "tags": ["", "y"]}""", "tags")]
    [InlineData("""{"title": "x", "course_id": "one"}""", "course_id")]
    public async Task A_bad_note_body_is_400_naming_the_field(string body, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/notes", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
