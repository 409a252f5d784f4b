using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;
using StackExchange.Redis;

namespace Pipeline.Tests.Faults;

/// <summary>
/// "PostgreSQL restarted: learners keep seeing their progress." Status polls are served from Redis and a session seen
/// active shortly before is still accepted; what needs the database answers 503 with Retry-After (never a 500); and
/// once the database is back, everything answers again. Found by the fault-injection suite (tests/Reliability), where
/// a PostgreSQL restart turned polls into 500s and left finished tasks showing "running".
/// </summary>
public sealed class PostgreSQL_outage(PostgresRelayFixture fixture) : IClassFixture<PostgresRelayFixture>
{
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Status_polls_keep_answering_and_the_rest_is_a_503_until_the_database_is_back()
    {
        var learner = await fixture.SignUpAsync();
        var silent = await fixture.SignUpAsync(); // logged in, but this instance never saw its session in use
        var taskId = await GenerateAsync(learner);
        await learner.Client.WaitForStatusAsync(taskId, Completion, "completed");

        try
        {
            await fixture.Relay.CutAsync();
            for (var i = 0; i < 5; i++)
                Assert.Equal("completed", (await learner.Client.StatusAsync(taskId)).GetProperty("status").GetString());

            await AssertUnavailableAsync(await learner.Client.GenerateInBackgroundAsync("I want to learn chess in 10 days"));
            await AssertUnavailableAsync(await learner.Client.GetAsync("/api/learning-paths"));
            // A session nobody vouched for is not waved through: the client hears "try again", not "signed out".
            await AssertUnavailableAsync(await silent.Client.GetAsync($"/api/tasks/{taskId}/status"));
        }
        finally
        {
            fixture.Relay.Restore();
        }

        var after = await Eventually.ReturnsAsync(() => learner.Client.GenerateInBackgroundAsync("I want to learn chess in 10 days"),
            r => r.StatusCode == HttpStatusCode.Accepted, TimeSpan.FromSeconds(30), "a generation to be accepted once the database is back");
        await learner.Client.WaitForStatusAsync((await after.JsonAsync()).GetProperty("task_id").GetString()!, Completion, "completed");
        Assert.Equal(HttpStatusCode.OK, (await silent.Client.GetAsync("/api/learning-paths")).StatusCode);
    }

    [Fact]
    public async Task A_status_copy_that_missed_its_update_is_corrected_and_served_only_while_the_database_is_unreachable()
    {
        var learner = await fixture.SignUpAsync();
        var taskId = await GenerateAsync(learner);
        await learner.Client.WaitForStatusAsync(taskId, Completion, "completed");
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestSettings.Redis);

        // The cache missed the final write (Redis was slow, or the worker died between commit and write): it still
        // holds an earlier "running" copy. Once that copy is older than Redis:StatusMaxAgeSeconds, polls check it.
        await WriteStaleCopyAsync(redis, taskId, cachedAgo: TimeSpan.FromMinutes(1));
        Assert.Equal("completed", (await learner.Client.StatusAsync(taskId)).GetProperty("status").GetString());
        Assert.Equal("completed", (string?)await redis.GetDatabase().HashGetAsync(Key(taskId), "status"));

        // With the database unreachable the old copy is still better than an error.
        await WriteStaleCopyAsync(redis, taskId, cachedAgo: TimeSpan.FromMinutes(1));
        try
        {
            await fixture.Relay.CutAsync();
            var served = await learner.Client.StatusAsync(taskId);
            Assert.Equal("running", served.GetProperty("status").GetString());
        }
        finally
        {
            fixture.Relay.Restore();
        }
        await learner.Client.WaitForStatusAsync(taskId, TimeSpan.FromSeconds(30), "completed");
    }

    private static async Task<string> GenerateAsync(TestUser learner)
    {
        var response = await learner.Client.GenerateInBackgroundAsync("I want to learn pottery in 10 days");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("task_id").GetString()!;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()));
    }

    /// <summary>Puts back the copy an earlier write left: status running, progress 50, versioned and cached in the past.</summary>
    private async Task WriteStaleCopyAsync(ConnectionMultiplexer redis, string taskId, TimeSpan cachedAgo)
    {
        var database = redis.GetDatabase();
        var json = JsonNode.Parse((string)(await database.HashGetAsync(Key(taskId), "json"))!)!.AsObject();
        var updatedAt = json["updated_at"]!.GetValue<DateTimeOffset>().AddSeconds(-5);
        json["status"] = "running";
        json["stage"] = "generating_cards";
        json["progress"] = 50.0;
        json["ended_at"] = null;
        json["updated_at"] = updatedAt;
        await database.HashSetAsync(Key(taskId),
        [
            new HashEntry("status", "running"),
            new HashEntry("json", json.ToJsonString()),
            new HashEntry("updated", updatedAt.ToUnixTimeMilliseconds()),
            new HashEntry("cached", (DateTimeOffset.UtcNow - cachedAgo).ToUnixTimeMilliseconds()),
        ]);
    }

    private string Key(string taskId) => $"{fixture.Infrastructure.RedisPrefix}task:{taskId}";
}
