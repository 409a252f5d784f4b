using System.Net;
using System.Text;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Security;

/// <summary>
/// A NUL or another control character in any string is a 400 in the route's seed shape before PostgreSQL sees it, and
/// a flood of them does not disturb other users' requests.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class Text_that_is_not_text(PipelineFixture fixture)
{
    public static TheoryData<string, string, string> Requests => new()
    {
        { "/api/v1/auth/register", "{\"email\": \"nul\\u0000@example.com\", \"password\": \"correct-horse-42\"}", "code" },
        { "/api/v1/auth/register", "{\"email\": \"ok-{0}@example.com\", \"password\": \"correct-horse-42\", \"name\": \"A\\u0007B\"}", "code" },
        { "/api/auth/register", "{\"email\": \"ok-{0}@example.com\", \"password\": \"correct-horse-42\", \"first_name\": \"\\u0000\", \"last_name\": \"B\"}", "detail" },
        { "/api/learntrac/v1/auth/login", "{\"username\": \"x\\u0000y\", \"password\": \"whatever-1\"}", "error" },
        { "/api/v1/auth/login", "{\"username\": \"lone\\ud800surrogate\", \"password\": \"whatever-1\"}", "code" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_control_character_in_a_body_is_a_400_in_the_seed_shape(string path, string json, string shapeKey)
    {
        var body = json.Replace("{0}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);

        var response = await fixture.CreateClient().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).TryGetProperty(shapeKey, out _), $"{path}: no '{shapeKey}' in the error body");
    }

    [Fact]
    public async Task A_control_character_in_a_form_login_or_a_query_is_a_400()
    {
        var form = await fixture.CreateClient().PostAsync("/api/v1/auth/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "a\0b@example.com", ["password"] = "whatever-1" }));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        var learner = await fixture.SignUpAsync();
        var query = await learner.Client.GetAsync("/api/tasks/users/me?limit=%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        // (%00 in a path never reaches the app: Kestrel refuses it with 400 itself, and the test server cannot send it.)
        var path = await learner.Client.GetAsync("/api/tasks/abc%01def/status");
        Assert.Equal(HttpStatusCode.BadRequest, path.StatusCode);
    }

    [Fact]
    public async Task Lines_and_tabs_are_text()
    {
        var learner = await fixture.SignUpAsync();

        var response = await learner.Client.PostAsync("/api/recommendation/learning-paths/generate",
            new StringContent("{\"prompt\": \"Learn chess\\n\\tin 10 days\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Registrations_succeed_during_a_flood_of_nul_bytes()
    {
        var client = fixture.CreateClient();
        var flood = Enumerable.Range(0, 100).Select(_ => client.PostAsync("/api/v1/auth/register",
            new StringContent("{\"email\": \"x\\u0000@example.com\", \"password\": \"correct-horse-42\", \"name\": \"\\u0000\"}", Encoding.UTF8, "application/json")));
        var legitimate = Enumerable.Range(0, 100).Select(i => client.PostAsync("/api/v1/auth/register",
            new StringContent($"{{\"email\": \"flood-{i}-{Guid.NewGuid():N}@example.com\", \"password\": \"correct-horse-42\"}}", Encoding.UTF8, "application/json")));

        var floodTask = Task.WhenAll(flood);
        var answers = await Task.WhenAll(legitimate);
        var refused = await floodTask;

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.All(refused, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
    }
}
