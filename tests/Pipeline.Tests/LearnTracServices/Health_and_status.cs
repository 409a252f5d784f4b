using System.Net;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.LearnTracServices;

[Collection(PipelineCollection.Name)]
public sealed class Health_and_status(PipelineFixture fixture)
{
    [Fact]
    public async Task Health_is_public_with_version_and_timestamp()
    {
        var response = await fixture.CreateClient().GetAsync("/api/learntrac/v1/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("1.0.0", body.GetProperty("version").GetString());
        Assert.InRange(body.GetProperty("timestamp").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        // Outside every rate limit (monitors poll it from one address): not counted, so no allowance to report.
        Assert.False(response.Headers.Contains("X-RateLimit-Remaining"));
        Assert.True((await fixture.CreateClient().GetAsync("/api/learntrac/v1/status")).Headers.Contains("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Status_reports_each_real_service_and_no_neo4j()
    {
        // The Handlers host in the fixture sends heartbeats: the AI service (its workers) is up once one arrived.
        var body = await Eventually.ReturnsAsync(
            async () => await (await fixture.CreateClient().GetAsync("/api/learntrac/v1/status")).JsonAsync(),
            b => b.GetProperty("services").GetProperty("ai_service").GetString() == "healthy", TimeSpan.FromSeconds(30), "a Handlers heartbeat");

        var services = body.GetProperty("services");
        foreach (var name in new[] { "api", "database", "redis", "message_bus" })
            Assert.Equal("healthy", services.GetProperty(name).GetString());
        // The learning core's graph tables decide whether the knowledge graph is there; either way it is PostgreSQL.
        Assert.Contains(services.GetProperty("knowledge_graph").GetString(), new[] { "healthy", "not_deployed" });
        Assert.Equal("postgresql", body.GetProperty("backends").GetProperty("knowledge_graph").GetString());
        Assert.False(services.TryGetProperty("neo4j", out _));
        Assert.InRange(body.GetProperty("response_time_ms").GetInt64(), 0, 10_000);
        Assert.True(body.GetProperty("uptime_seconds").GetInt64() >= 0);
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "operational", "degraded" });
    }
}
