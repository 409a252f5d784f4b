using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Security;

/// <summary>Every response forbids sniffing, framing and referrers, carries a Content-Security-Policy, and no API answer is cached.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Security_headers(PipelineFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/ops/")]
    [InlineData("/health/live")]
    [InlineData("/api/tasks/users/me")]
    public async Task Are_on_pages_and_api_answers(string path)
    {
        var response = await fixture.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Token_responses_are_never_cached()
    {
        var learner = await fixture.SignUpAsync();

        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = learner.Email, password = learner.Password });

        response.EnsureSuccessStatusCode();
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }
}
