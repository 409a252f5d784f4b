using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;
using StackExchange.Redis;

namespace Pipeline.Tests.Faults;

/// <summary>
/// "Redis stopped: status polls still answer from PostgreSQL." Redis is only the hot copy of task statuses and the
/// channel of live progress; with it gone the frontend keeps polling, and when it is back the cache and the live
/// channel recover without a restart of either host.
/// </summary>
public sealed class Redis_outage(PrivateRedisFixture fixture, ITestOutputHelper output) : IClassFixture<PrivateRedisFixture>
{
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollBudget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);
    private static readonly string[] FinalStatuses = ["completed", "failed", "timeout", "canceled"];

    private TimeSpan _slowestPoll;

    [Fact]
    public async Task Status_polls_answer_from_PostgreSQL_and_live_progress_resumes()
    {
        var clock = Stopwatch.StartNew();
        var learner = await fixture.SignUpAsync();

        // Redis up: the status of a finished task is cached in this fixture's Redis.
        var before = await StartGenerationAsync(learner, "I want to learn chess in 10 days");
        await fixture.ExplainedAsync(fixture.Ai, () => learner.Client.WaitForStatusAsync(before, Completion, "completed"));
        using (var redis = await ConnectAsync())
            Assert.True(await redis.GetDatabase().KeyExistsAsync(TaskKey(before)), $"{TaskKey(before)} is not in Redis while Redis is up");
        Log(clock, $"task {before} completed and cached with Redis up");

        // Redis frozen (SIGSTOP) in the middle of a generation: its connections stay open but nothing answers, as when
        // it hangs or the network drops it. Nothing may wait for it: not the polls, not the saga's transitions.
        var whileFrozen = await StartGenerationAsync(learner, "I want to learn guitar in 20 days");
        fixture.Redis.Freeze();
        try
        {
            Log(clock, "Redis frozen");
            await WhileRedisIsDownAsync(clock, learner, before, whileFrozen, "frozen");
        }
        finally
        {
            fixture.Redis.Resume();
        }
        Log(clock, "Redis resumed");

        // Redis killed: its connections are gone. A generation started now completes too.
        await fixture.Redis.KillAsync();
        Log(clock, "Redis killed");
        var during = await StartGenerationAsync(learner, "I want to learn pottery in 20 days");
        await WhileRedisIsDownAsync(clock, learner, before, during, "killed");

        // Redis back (empty: nothing is persisted): the next status read puts the task back into the cache.
        await fixture.Redis.StartAgainAsync();
        Log(clock, "Redis started again on the same port");
        using var restarted = await ConnectAsync();
        Assert.False(await restarted.GetDatabase().KeyExistsAsync(TaskKey(during)), "the restarted Redis is not empty");
        await Eventually.HoldsAsync(async () =>
        {
            Assert.Equal("completed", (await TimedStatusAsync(learner, during)).GetProperty("status").GetString());
            return await restarted.GetDatabase().KeyExistsAsync(TaskKey(during));
        }, TimeSpan.FromSeconds(30), $"a status read to put {during} back into Redis");
        var cached = await restarted.GetDatabase().HashGetAsync(TaskKey(during), "status");
        Assert.Equal("completed", (string?)cached);
        Log(clock, $"{TaskKey(during)} back in Redis after a status read");
        await Eventually.ReturnsAsync(() => learner.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));

        // Live progress goes through Redis pub/sub again: the edge subscribes to the new task's channel and the
        // workers publish every change on it, up to the end.
        var published = new ConcurrentQueue<string>();
        var subscriber = restarted.GetSubscriber();
        // A message queue keeps the order of publication (StackExchange.Redis 2 runs Action handlers concurrently).
        (await subscriber.SubscribeAsync(RedisChannel.Pattern(ChannelOf("*")))).OnMessage(m => published.Enqueue($"{m.Channel}|{m.Message}"));
        var previousLatency = fixture.Ai.Latency;
        fixture.Ai.Latency = TimeSpan.FromMilliseconds(600); // long enough to watch the subscription while it runs
        try
        {
            var after = await StartGenerationAsync(learner, "I want to learn sailing in 20 days");
            var afterEvents = ReadEventsAsync(learner, after);
            var server = restarted.GetServer(fixture.Redis.Configuration);
            await Eventually.HoldsAsync(async () => afterEvents.IsCompleted || await server.SubscriptionSubscriberCountAsync(RedisChannel.Literal(ChannelOf(after))) > 0,
                TimeSpan.FromSeconds(10), $"the edge to subscribe to {ChannelOf(after)}");
            Assert.False(afterEvents.IsCompleted, "the task ended before its live progress could be watched");
            var live = await fixture.ExplainedAsync(fixture.Ai, () => afterEvents);
            Assert.Equal("completed", live[^1].GetProperty("status").GetString());
            var onChannel = published.Where(m => m.StartsWith(ChannelOf(after) + "|", StringComparison.Ordinal))
                .Select(m => JsonDocument.Parse(m[(m.IndexOf('|') + 1)..]).RootElement.GetProperty("status").GetString())
                .ToList();
            Assert.Contains("running", onChannel);
            Assert.Equal("completed", onChannel[^1]);
            Log(clock, $"task {after}: {live.Count} live events, {onChannel.Count} messages on its Redis channel");
        }
        finally
        {
            fixture.Ai.Latency = previousLatency;
        }
    }

    /// <summary>
    /// While Redis is out: polls of a finished task answer at once from PostgreSQL; a running generation completes, can
    /// be polled all along, and its live progress stream starts at once and ends with the completed status.
    /// </summary>
    private async Task WhileRedisIsDownAsync(Stopwatch clock, TestUser learner, string finishedTask, string runningTask, string outage)
    {
        _slowestPoll = TimeSpan.Zero;
        for (var i = 0; i < 5; i++)
            Assert.Equal("completed", (await TimedStatusAsync(learner, finishedTask)).GetProperty("status").GetString());

        var events = ReadEventsAsync(learner, runningTask);
        var (polls, seen) = await fixture.ExplainedAsync(fixture.Ai, () => PollUntilFinishedAsync(learner, runningTask));
        var streamed = await events;
        Assert.Equal("completed", streamed[^1].GetProperty("status").GetString());
        Assert.Equal(100.0, streamed[^1].GetProperty("progress").GetDouble());
        Log(clock, $"Redis {outage}: a finished task polled 5 times; task {runningTask} completed, polled {polls} times " +
            $"({string.Join(" → ", seen)}), slowest poll {_slowestPoll.TotalMilliseconds:0} ms; {streamed.Count} live events");

        // Readiness names Redis as the dependency that is down, within its check's 3 s timeout.
        var timer = Stopwatch.StartNew();
        var ready = await WithinAsync(learner.Client.GetAsync("/health/ready"), "a readiness check");
        timer.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.JsonAsync();
        Assert.Equal(["redis"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"the readiness check took {timer.Elapsed.TotalMilliseconds:0} ms with Redis {outage}");
        Log(clock, $"Redis {outage}: /health/ready 503 naming redis in {timer.Elapsed.TotalMilliseconds:0} ms");
    }

    private static async Task<string> StartGenerationAsync(TestUser learner, string prompt)
    {
        var timer = Stopwatch.StartNew();
        var response = await WithinAsync(learner.Client.GenerateInBackgroundAsync(prompt), "starting a generation");
        Assert.True(timer.Elapsed < PollBudget, $"starting a generation took {timer.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("task_id").GetString()!;
    }

    /// <summary>One status poll: 200, and within <see cref="PollBudget"/> even while Redis is down.</summary>
    private async Task<JsonElement> TimedStatusAsync(TestUser learner, string taskId)
    {
        var timer = Stopwatch.StartNew();
        var response = await WithinAsync(learner.Client.GetAsync($"/api/tasks/{taskId}/status"), $"a status poll of {taskId}");
        var body = await response.Content.ReadAsStringAsync();
        timer.Stop();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"status poll of {taskId}: {(int)response.StatusCode} {body}");
        Assert.True(timer.Elapsed < PollBudget, $"status poll of {taskId} took {timer.Elapsed.TotalMilliseconds:0} ms");
        if (timer.Elapsed > _slowestPoll) _slowestPoll = timer.Elapsed;
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(int Polls, List<string> Seen)> PollUntilFinishedAsync(TestUser learner, string taskId)
    {
        var polls = 0;
        var highest = 0.0;
        var seen = new List<string>();
        var last = await Eventually.ReturnsAsync(async () =>
        {
            var status = await TimedStatusAsync(learner, taskId);
            polls++;
            var progress = status.GetProperty("progress").GetDouble();
            Assert.True(progress >= highest, $"progress went back from {highest} to {progress}");
            highest = progress;
            var stage = $"{status.GetProperty("status").GetString()}/{status.GetProperty("stage").GetString()}";
            if (seen.Count == 0 || seen[^1] != stage) seen.Add(stage);
            return status;
        }, s => FinalStatuses.Contains(s.GetProperty("status").GetString()), Completion, $"task {taskId} to finish");
        Assert.Equal("completed", last.GetProperty("status").GetString());
        return (polls, seen);
    }

    /// <summary>The task's Server-Sent Events until the stream ends (the task finished); the first one within the poll budget.</summary>
    private static async Task<List<JsonElement>> ReadEventsAsync(TestUser learner, string taskId)
    {
        using var timeout = new CancellationTokenSource(Completion);
        var timer = Stopwatch.StartNew();
        using var stream = await WithinAsync(learner.Client.GetStreamAsync($"/api/tasks/{taskId}/events", timeout.Token), $"the live progress stream of {taskId}");
        using var reader = new StreamReader(stream);
        var events = new List<JsonElement>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            if (events.Count == 0)
                Assert.True(timer.Elapsed < PollBudget, $"the first live event of {taskId} took {timer.Elapsed.TotalMilliseconds:0} ms");
            events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
        }
        Assert.NotEmpty(events);
        var progress = events.Select(e => e.GetProperty("progress").GetDouble()).ToList();
        Assert.Equal(progress.Order(), progress);
        return events;
    }

    /// <summary>
    /// A call that does not answer in <see cref="HangLimit"/> fails the test instead of hanging it: an in-memory test
    /// server waits for its endpoint even when the client gives up, so a cancellation token would not end the wait.
    /// </summary>
    private static async Task<T> WithinAsync<T>(Task<T> call, string what)
    {
        try
        {
            return await call.WaitAsync(HangLimit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} did not answer within {HangLimit.TotalSeconds:0} s");
            throw;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { fixture.Redis.Configuration },
            AbortOnConnectFail = true,
            ConnectTimeout = 5000,
            AllowAdmin = true,
        });

    private string TaskKey(string taskId) => $"{fixture.Infrastructure.RedisPrefix}task:{taskId}";
    private string ChannelOf(string taskId) => $"{fixture.Infrastructure.RedisPrefix}task-events:{taskId}";

    private void Log(Stopwatch clock, string message) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.00}s] {message}");
}
