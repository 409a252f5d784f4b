using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Users_on_the_platform_api(PlatformFixture fixture)
{
    [Fact]
    public async Task A_user_reads_and_edits_their_own_profile()
    {
        var ada = await fixture.SignUpAsync();

        var profile = await (await ada.Client.GetAsync($"/api/v1/users/{ada.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ada.Email, profile.GetProperty("email").GetString());
        Assert.Equal("UTC", profile.GetProperty("time_zone").GetString());

        var edited = await (await ada.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new
        {
            name = "Ada L.",
            time_zone = "Europe/Berlin",
            preferences = new { theme = "dark" },
            learning_profile = new { level = "intermediate", strengths = new[] { "algebra" } },
        })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Ada L.", edited.GetProperty("name").GetString());
        Assert.Equal("Europe/Berlin", edited.GetProperty("time_zone").GetString());
        Assert.Equal("dark", edited.GetProperty("preferences").GetProperty("theme").GetString());
        Assert.Equal("intermediate", edited.GetProperty("learning_profile").GetProperty("level").GetString());

        // Preferences merge: a second edit keeps what the first set.
        var again = await (await ada.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new { preferences = new { language = "en" } })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("dark", again.GetProperty("preferences").GetProperty("theme").GetString());
        Assert.Equal("en", again.GetProperty("preferences").GetProperty("language").GetString());
    }

    [Fact]
    public async Task Another_users_profile_is_refused_and_no_token_is_401()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();

        await (await bob.Client.GetAsync($"/api/v1/users/{ada.Id}")).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await bob.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new { name = "Not Ada" })).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await fixture.CreateClient().GetAsync($"/api/v1/users/{ada.Id}")).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_admin_sets_roles_and_that_is_how_instructors_are_made()
    {
        var ada = await fixture.SignUpAsync();
        var admin = await fixture.SignUpAsync("admin");

        await (await ada.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new { roles = new[] { "instructor" } }))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "roles");

        var promoted = await (await admin.Client.PatchJsonAsync($"/api/v1/users/{ada.Id}", new { roles = new[] { "student", "instructor" } }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["student", "instructor"], promoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await (await admin.Client.GetAsync($"/api/v1/users/{ada.Id}")).ExpectAsync(HttpStatusCode.OK);

        // The next login carries the role: the instructor may now publish a public course.
        var login = await (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = ada.Email, password = ada.Password }))
            .ExpectAsync(HttpStatusCode.OK);
        using var instructor = fixture.CreateClient();
        instructor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());
        await (await instructor.PostJsonAsync("/api/v1/courses", new { title = "Public course", visibility = "public" })).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"roles": ["wizard"]}""", "roles[0]")]
    [InlineData("""{"time_zone": "Mars/Olympus"}""", "time_zone")]
    [InlineData("""{"name": 42}""", "name")]
    [InlineData("""{"preferences": [1, 2]}""", "preferences")]
    [InlineData("""{"learning_profile": {"level": "guru"}}""", "learning_profile.level")]
    public async Task A_bad_profile_edit_is_a_400_naming_the_field(string body, string field)
    {
        var admin = await fixture.SignUpAsync("admin");

        await (await admin.Client.SendRawAsync(HttpMethod.Patch, $"/api/v1/users/{admin.Id}", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
