using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using StackExchange.Redis;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// Redis (the status cache and live-progress channel) stopped mid-batch and started again, empty, a few seconds later:
/// polls keep answering from PostgreSQL, the batch goes on, and once Redis is back live progress flows through it again
/// without restarting anything.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class Stopping_Redis_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Polls_answer_from_PostgreSQL_and_live_progress_resumes()
    {
        var published = new ConcurrentQueue<(string Channel, string Status)>();
        ConnectionMultiplexer? watcher = null;
        try
        {
            var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.StopRedis, async (batch, _) =>
            {
                var atStop = await batch.UntilAsync(p => p.Accepted >= batch.Size / 3 && p.Cards > 0, "a third of the batch submitted and the first cards stored");
                batch.StruckAt(atStop);
                await fixture.Redis.KillAsync();
                batch.Log($"Redis killed at {atStop}");
                // The outage lasts a fixed time on purpose: it is the fault, not a wait for a condition.
                await Task.Delay(Outage);
                await fixture.Redis.StartAgainAsync();
                batch.Note($"Redis killed (SIGKILL) at \"{atStop}\", started again (empty) {Outage.TotalSeconds:0} s later, at \"{batch.Progress}\"");

                // Live progress: watch every task channel of the new Redis, then follow a generation started now.
                watcher = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
                {
                    EndPoints = { fixture.Redis.Configuration },
                    AbortOnConnectFail = true,
                    ConnectTimeout = 5000,
                });
                var prefix = $"{fixture.Infrastructure.RedisPrefix}task-events:";
                // A message queue keeps the order of publication (StackExchange.Redis 2 runs Action handlers concurrently).
                (await watcher.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(prefix + "*"))).OnMessage(m =>
                    published.Enqueue((((string)m.Channel!)[prefix.Length..], JsonDocument.Parse((string)m.Message!).RootElement.GetProperty("status").GetString()!)));
                // The hosts reconnect on their own schedule (StackExchange.Redis retries with a back-off), and a status
                // written before they have is PostgreSQL's alone: live progress is for a generation started once they
                // write to the new Redis again, seen as a status of the batch cached there.
                await Eventually.HoldsAsync(async () =>
                {
                    foreach (var task in batch.Tasks)
                        if (await watcher.GetDatabase().KeyExistsAsync($"{fixture.Infrastructure.RedisPrefix}task:{task.TaskId}")) return true;
                    return false;
                }, TimeSpan.FromSeconds(30), "the hosts to write to the restarted Redis");
                var (taskId, events) = await FollowAGenerationLiveAsync();
                var onChannel = published.Where(m => m.Channel == taskId).Select(m => m.Status).ToList();
                batch.Note($"after the restart a new generation streamed {events.Count} live events ({string.Join(" → ", events.Distinct())}), " +
                    $"{onChannel.Count} of them published on its Redis channel");
                if (events.Count < 2 || events[^1] != "completed")
                    batch.Problem($"the live stream of {taskId} after the restart was {string.Join(", ", events)}");
                if (!onChannel.Contains("running") || onChannel.LastOrDefault() != "completed")
                    batch.Problem($"the Redis channel of {taskId} carried {string.Join(", ", onChannel)} after the restart, not running … completed");
            }, verify: async batch =>
            {
                var ids = batch.Tasks.Select(t => t.TaskId).ToHashSet();
                var batchMessages = published.Count(m => ids.Contains(m.Channel));
                var cached = 0;
                foreach (var id in ids)
                    if (await watcher!.GetDatabase().KeyExistsAsync($"{fixture.Infrastructure.RedisPrefix}task:{id}")) cached++;
                batch.Note($"after the restart the batch's tasks published {batchMessages} status changes on Redis and {cached} of {ids.Count} are cached there again");
                return cached == 0 ? ["no task of the batch is cached in Redis again after the restart"] : [];
            });
            outcome.AssertInvariants();
        }
        finally
        {
            watcher?.Dispose();
        }
    }

    /// <summary>A learner starts a generation and reads its Server-Sent Events to the end: the statuses it saw.</summary>
    private async Task<(string TaskId, List<string> Statuses)> FollowAGenerationLiveAsync()
    {
        var learner = await fixture.SignUpAsync();
        using var submit = await fixture.Http.SendAsync(ReliabilityFixture.As(learner, HttpMethod.Post, "/api/recommendation/learning-paths/generate",
            JsonContent.Create(new { prompt = "I want to learn sailing in 20 days" })));
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var taskId = (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("task_id").GetString()!;

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var response = await fixture.Http.SendAsync(ReliabilityFixture.As(learner, HttpMethod.Get, $"/api/tasks/{taskId}/events"),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var statuses = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                statuses.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("status").GetString()!);
        return (taskId, statuses);
    }
}
