using System.Net;
using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Auth;

/// <summary>
/// A registration is safe to retry: sent again with the same Idempotency-Key after it committed (the client lost the
/// answer), it gets the registration's answer with a new session. Anything else with a taken email is still "Email
/// already registered", as the seeds document.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class Registering_again(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/auth", HttpStatusCode.Created)]
    [InlineData("/api/learntrac/v1/auth", HttpStatusCode.Created)]
    [InlineData("/api/auth", HttpStatusCode.OK)]
    public async Task With_the_same_idempotency_key_is_answered_like_the_first_time(string prefix, HttpStatusCode created)
    {
        var email = Credentials.NewEmail("retried");
        var key = Guid.NewGuid().ToString();
        object body = prefix == "/api/auth"
            ? new { email, password = Credentials.GoodPassword, first_name = "Retry", last_name = "Tester" }
            : new { email, password = Credentials.GoodPassword };

        var first = await RegisterAsync(prefix, body, key);
        var again = await RegisterAsync(prefix, body, key);

        Assert.Equal(created, first.StatusCode);
        Assert.Equal(created, again.StatusCode);
        var firstUser = (await first.JsonAsync()).GetProperty("user").GetProperty("id").ToString();
        var retried = await again.JsonAsync();
        Assert.Equal(firstUser, retried.GetProperty("user").GetProperty("id").ToString());
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", retried.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Without_the_key_or_with_another_key_or_password_a_taken_email_is_a_conflict()
    {
        var email = Credentials.NewEmail("taken");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync("/api/v1/auth", new { email, password = Credentials.GoodPassword }, key)).StatusCode);

        var noKey = await RegisterAsync("/api/v1/auth", new { email, password = Credentials.GoodPassword }, null);
        var otherKey = await RegisterAsync("/api/v1/auth", new { email, password = Credentials.GoodPassword }, Guid.NewGuid().ToString());
        var otherPassword = await RegisterAsync("/api/v1/auth", new { email, password = "another-horse-43" }, key);

        Assert.All(new[] { noKey, otherKey, otherPassword }, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("Email already registered", await otherPassword.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<HttpResponseMessage> RegisterAsync(string prefix, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{prefix}/register") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await fixture.CreateClient().SendAsync(request, Cancel);
    }
}
