using System.Net;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Courses_on_the_platform_api(PlatformFixture fixture)
{
    [Fact]
    public async Task A_created_course_is_shown_with_its_modules_and_listed_as_created()
    {
        var ada = await fixture.SignUpAsync();

        var created = await (await ada.Client.PostJsonAsync("/api/v1/courses", new
        {
            title = "Linear algebra",
            description = "Vectors to eigenvalues",
            difficulty_level = "intermediate",
            modules = new object[]
            {
                new { title = "Vectors", description = "What a vector is", objectives = new[] { "add vectors" } },
                new { title = "Matrices", estimated_hours = 3.5 },
            },
        })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("catalogue", created.GetProperty("kind").GetString());
        Assert.Equal(["Vectors", "Matrices"], created.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("title").GetString()));

        var detail = await (await ada.Client.GetAsync($"/api/v1/courses/{created.Id()}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, detail.GetProperty("modules").GetArrayLength());
        Assert.Equal("add vectors", detail.GetProperty("modules")[0].GetProperty("objectives")[0].GetString());

        var mine = await (await ada.Client.GetAsync("/api/v1/courses?filter=created")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(mine.Items(), c => c.Id() == created.Id());
        Assert.Equal(2, mine.Items().Single(c => c.Id() == created.Id()).GetProperty("module_count").GetInt32());
    }

    [Fact]
    public async Task Another_users_private_course_is_404_to_read_and_to_enroll()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var course = await (await ada.Client.PostJsonAsync("/api/v1/courses", new { title = "Ada's private notes" })).ExpectAsync(HttpStatusCode.Created);

        await (await bob.Client.GetAsync($"/api/v1/courses/{course.Id()}")).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await bob.Client.PostAsync($"/api/v1/courses/{course.Id()}/enroll", null)).ExpectErrorAsync(HttpStatusCode.NotFound);
        var all = await (await bob.Client.GetAsync("/api/v1/courses?limit=100")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(all.Items(), c => c.Id() == course.Id());
        await (await fixture.CreateClient().GetAsync($"/api/v1/courses/{course.Id()}")).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Enrolling_twice_is_one_enrolment()
    {
        var teacher = await fixture.SignUpAsync("instructor");
        var bob = await fixture.SignUpAsync();
        var course = await (await teacher.Client.PostJsonAsync("/api/v1/courses", new { title = "Open chess course", visibility = "public" }))
            .ExpectAsync(HttpStatusCode.Created);

        var first = await (await bob.Client.PostAsync($"/api/v1/courses/{course.Id()}/enroll", null)).ExpectAsync(HttpStatusCode.OK);
        var second = await (await bob.Client.PostAsync($"/api/v1/courses/{course.Id()}/enroll", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.False(first.GetProperty("already_enrolled").GetBoolean());
        Assert.True(second.GetProperty("already_enrolled").GetBoolean());
        Assert.Equal(first.GetProperty("enrolled_at").GetString(), second.GetProperty("enrolled_at").GetString());
        var enrolled = await (await bob.Client.GetAsync("/api/v1/courses?filter=enrolled")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, enrolled.GetProperty("total").GetInt64());
        Assert.True(enrolled.Items().Single().GetProperty("enrolled").GetBoolean());
    }

    [Fact]
    public async Task A_student_cannot_publish_a_public_course()
    {
        var bob = await fixture.SignUpAsync();

        await (await bob.Client.PostJsonAsync("/api/v1/courses", new { title = "Mine for all", visibility = "public" })).ExpectErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Lists_page_with_limit_and_offset()
    {
        var ada = await fixture.SignUpAsync();
        for (var i = 0; i < 3; i++)
            await (await ada.Client.PostJsonAsync("/api/v1/courses", new { title = $"Course {i}" })).ExpectAsync(HttpStatusCode.Created);

        var first = await (await ada.Client.GetAsync("/api/v1/courses?filter=created&limit=2")).ExpectAsync(HttpStatusCode.OK);
        var rest = await (await ada.Client.GetAsync("/api/v1/courses?filter=created&limit=2&offset=2")).ExpectAsync(HttpStatusCode.OK);
        var defaults = await (await ada.Client.GetAsync("/api/v1/courses?filter=created")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["items", "total", "limit", "offset"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 3L, 2, 0), (first.Items().Count, first.GetProperty("total").GetInt64(), first.GetProperty("limit").GetInt32(), first.GetProperty("offset").GetInt32()));
        Assert.Single(rest.Items());
        Assert.Empty(first.Items().Select(c => c.Id()).Intersect(rest.Items().Select(c => c.Id())));
        Assert.Equal(20, defaults.GetProperty("limit").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/courses?limit=101", "limit")]
    [InlineData("/api/v1/courses?limit=0", "limit")]
    [InlineData("/api/v1/courses?offset=-1", "offset")]
    [InlineData("/api/v1/courses?limit=ten", "limit")]
    [InlineData("/api/v1/courses?filter=everything", "filter")]
    [InlineData("/api/v1/courses/abc", "id")]
    public async Task Bad_query_values_are_400_naming_the_parameter(string path, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.GetAsync(path)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"description": "no title"}""", "title")]
    [InlineData("""{"title": "x", "difficulty_level": "godlike"}""", "difficulty_level")]
    [InlineData("""{"title": "x", "estimated_duration_hours": -3}""", "estimated_duration_hours")]
    [InlineData("""{"title": "x", "estimated_duration_hours": "long"}""", "estimated_duration_hours")]
    [InlineData("""{"title": "x", "modules": [{"description": "untitled"}]}""", "modules[0].title")]
    [InlineData("""{"title": "x", "modules": "all of them"}""", "modules")]
    public async Task A_bad_course_body_is_400_naming_the_field(string body, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/courses", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }
}
