using System.Net;
using System.Net.Http.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Webhooks;

/// <summary>On the shared system, where private targets are not allowed (the production default).</summary>
[Collection(PipelineCollection.Name)]
public sealed class Registering_webhooks(PipelineFixture fixture)
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("ftp://example.com/hook")]
    public async Task Loopback_private_metadata_and_non_http_targets_are_refused(string url)
    {
        var instructor = await fixture.SignUpAsync("instructor");

        var response = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/webhooks",
            new { url, events = new[] { "concept.completed" }, secret = "webhook_secret_key", active = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Equal(0, (await (await instructor.Client.GetAsync("/api/learntrac/v1/webhooks")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_instructors_register_and_each_sees_only_their_own()
    {
        var student = await fixture.SignUpAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var other = await fixture.SignUpAsync("instructor");
        var body = new { url = "http://93.184.216.34/hook", events = new[] { "concept.completed", "export.completed" }, secret = "webhook_secret_key" };

        Assert.Equal(HttpStatusCode.Forbidden, (await student.Client.PostAsJsonAsync("/api/learntrac/v1/webhooks", body)).StatusCode);
        var created = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/webhooks", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var webhook = await created.JsonAsync();
        Assert.StartsWith("webhook-", webhook.GetProperty("webhook_id").GetString());
        Assert.Equal("active", webhook.GetProperty("status").GetString());
        Assert.Equal(["concept.completed", "export.completed"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.False(webhook.TryGetProperty("secret", out _));
        var id = webhook.GetProperty("webhook_id").GetString();

        Assert.Equal(0, (await (await other.Client.GetAsync("/api/learntrac/v1/webhooks")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/learntrac/v1/webhooks/{id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await instructor.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{id}")).StatusCode);
        Assert.Equal(0, (await (await instructor.Client.GetAsync("/api/learntrac/v1/webhooks")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unknown_events_and_short_secrets_are_validation_errors()
    {
        var instructor = await fixture.SignUpAsync("instructor");

        var response = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/webhooks",
            new { url = "https://example.com/hook", events = new[] { "concept.exploded" }, secret = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.JsonAsync()).GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        Assert.Contains("secret", fields);
        Assert.Contains(fields, f => f!.StartsWith("events"));
    }
}
