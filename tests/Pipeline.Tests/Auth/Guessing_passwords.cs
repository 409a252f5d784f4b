using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>
/// The login throttle counts each account once, whatever name or spelling a guess uses, and counts a guess before its
/// password is checked, so concurrent guesses cannot slip past the limit.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class Guessing_passwords(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_fifty_concurrent_guesses_get_at_most_the_limit_evaluated()
    {
        var email = Credentials.NewEmail("guessed");
        (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = Credentials.GoodPassword }, Cancel)).EnsureSuccessStatusCode();
        var client = fixture.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 250).Select(i =>
            client.PostAsJsonAsync("/api/v1/auth/login", new { username = email, password = $"wrong-guess-{i}" }, Cancel)));

        var evaluated = answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized);
        Assert.InRange(evaluated, 1, 5);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
    }

    [Fact]
    public async Task The_username_and_the_email_share_one_count()
    {
        var email = Credentials.NewEmail("named");
        var username = $"guess_{Guid.NewGuid():N}"[..20];
        (await fixture.CreateClient().PostAsJsonAsync("/api/learntrac/v1/auth/register",
            new { email, username, password = Credentials.GoodPassword }, Cancel)).EnsureSuccessStatusCode();
        var client = fixture.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var name = i % 2 == 0 ? email : username.ToUpperInvariant();
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = name, password = "wrong-pass-1" }, Cancel)).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = Credentials.GoodPassword }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task A_login_name_longer_than_an_email_can_be_is_a_400()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { username = new string('a', 240 * 1024), password = "whatever-1" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
