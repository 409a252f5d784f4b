using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;
using StackExchange.Redis;

namespace Pipeline.Tests.Faults;

/// <summary>
/// A Redis that stops answering without closing its connections (SIGSTOP): StackExchange.Redis's own timeouts keep
/// every status poll answering from PostgreSQL within a second, and a task that ends meanwhile still announces its end
/// on its Redis channel once Redis answers again, so a live-progress subscriber never waits forever.
/// </summary>
public sealed class Paused_Redis(PrivateRedisFixture fixture, ITestOutputHelper output) : IClassFixture<PrivateRedisFixture>
{
    private static readonly TimeSpan PollBudget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Paused = TimeSpan.FromSeconds(12); // longer than two back-offs: each retry of Redis times out again
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_polls_answer_from_PostgreSQL_within_a_second()
    {
        var learner = await fixture.SignUpAsync();
        var finished = await StartAsync(learner, "I want to learn chess in 10 days");
        await fixture.ExplainedAsync(fixture.Ai, () => learner.Client.WaitForStatusAsync(finished, Completion, "completed"));
        var running = await StartAsync(learner, "I want to learn guitar in 20 days");

        var polls = new List<TimeSpan>();
        fixture.Redis.Freeze();
        try
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Paused)
                foreach (var taskId in new[] { finished, running })
                {
                    var timer = Stopwatch.StartNew();
                    using var response = await learner.Client.GetAsync($"/api/tasks/{taskId}/status", Cancel).WaitAsync(TimeSpan.FromSeconds(10), Cancel);
                    timer.Stop();
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    polls.Add(timer.Elapsed);
                    Assert.True(timer.Elapsed < PollBudget, $"poll {polls.Count} of {taskId}, {clock.Elapsed.TotalSeconds:0.0} s into the pause, took {timer.Elapsed.TotalMilliseconds:0} ms");
                }
        }
        finally
        {
            fixture.Redis.Resume();
        }
        output.WriteLine($"{polls.Count} polls while Redis was paused for {Paused.TotalSeconds:0} s, slowest {polls.Max().TotalMilliseconds:0} ms, " +
            $"{polls.Count(p => p > TimeSpan.FromMilliseconds(200))} over 200 ms");
        Assert.Equal("completed", (await fixture.ExplainedAsync(fixture.Ai,
            () => learner.Client.WaitForStatusAsync(running, Completion, "completed", "failed"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_task_that_ends_while_Redis_is_paused_announces_its_end_once_Redis_answers()
    {
        var learner = await fixture.SignUpAsync();
        var previousLatency = fixture.Ai.Latency;
        fixture.Ai.Latency = TimeSpan.FromMilliseconds(400); // a few seconds of generation: enough to pause Redis in the middle
        using var watcher = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { fixture.Redis.Configuration },
            AbortOnConnectFail = true,
            ConnectTimeout = 5000,
        });
        var channelPrefix = $"{fixture.Infrastructure.RedisPrefix}task-events:";
        var announced = new ConcurrentQueue<(string TaskId, string Status)>();
        await watcher.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(channelPrefix + "*"), (channel, message) =>
            announced.Enqueue((((string)channel!)[channelPrefix.Length..], JsonDocument.Parse((string)message!).RootElement.GetProperty("status").GetString()!)));
        try
        {
            var taskId = await StartAsync(learner, "I want to learn astronomy in 30 days");
            var live = ReadStatusEventsAsync(learner, taskId);
            await Eventually.HoldsAsync(() => Task.FromResult(announced.Any(a => a.TaskId == taskId && a.Status == "running")),
                TimeSpan.FromSeconds(30), $"{taskId} to announce running on its channel");

            fixture.Redis.Freeze();
            try
            {
                // Nobody polls the task: only the saga's own writes could tell Redis it ended.
                await Eventually.HoldsAsync(async () => await StoredStatusAsync(taskId) == "completed", Completion, $"{taskId} to complete in PostgreSQL");
                Assert.False(announced.Any(a => a.TaskId == taskId && a.Status == "completed"), "Redis announced the end while it was paused");
            }
            finally
            {
                fixture.Redis.Resume();
            }
            var resumed = Stopwatch.StartNew();

            await Eventually.HoldsAsync(() => Task.FromResult(announced.Any(a => a.TaskId == taskId && a.Status == "completed")),
                TimeSpan.FromSeconds(20), $"{taskId} to announce completed on its channel after Redis came back");
            output.WriteLine($"completed announced {resumed.Elapsed.TotalSeconds:0.0} s after Redis answered again; channel carried " +
                string.Join(", ", announced.Where(a => a.TaskId == taskId).Select(a => a.Status)));
            var statuses = await live.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
            Assert.Equal("completed", statuses[^1]);
        }
        finally
        {
            fixture.Ai.Latency = previousLatency;
        }
    }

    private static async Task<string> StartAsync(TestUser learner, string prompt)
    {
        var response = await learner.Client.GenerateInBackgroundAsync(prompt);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("task_id").GetString()!;
    }

    private async Task<string?> StoredStatusAsync(string taskId)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT status FROM user_tasks WHERE task_id = @taskId", new { taskId });
    }

    /// <summary>The task's Server-Sent Events until the stream ends: the statuses in order.</summary>
    private static async Task<List<string>> ReadStatusEventsAsync(TestUser learner, string taskId)
    {
        using var timeout = new CancellationTokenSource(Completion * 2);
        await using var stream = await learner.Client.GetStreamAsync($"/api/tasks/{taskId}/events", timeout.Token);
        using var reader = new StreamReader(stream);
        var statuses = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                statuses.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("status").GetString()!);
        return statuses;
    }
}
