using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
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

    [Theory]
    [InlineData("/ops")]
    [InlineData("/ops?x=1")]
    public async Task A_redirect_never_names_the_host_the_client_sent(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await fixture.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"Location: {location}");
        Assert.StartsWith("/ops/", location.OriginalString);
        Assert.DoesNotContain("evil", location.OriginalString);
    }

    [Fact]
    public async Task Only_the_configured_hosts_are_answered()
    {
        await using var limited = fixture.Api.WithWebHostBuilder(web => web.UseSetting("AllowedHosts", "pipeline.test;localhost"));
        var client = limited.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await GetWithHostAsync(client, "evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithHostAsync(client, "pipeline.test")).StatusCode);
        // The shared default ("*") answers any host name.
        Assert.Equal(HttpStatusCode.OK, (await GetWithHostAsync(fixture.CreateClient(), "evil.example")).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetWithHostAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }
}
