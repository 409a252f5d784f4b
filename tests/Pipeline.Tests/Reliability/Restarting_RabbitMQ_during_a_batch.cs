using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// The broker restarted mid-batch, several times: every connection of Edge.Api and of both workers drops, the broker is
/// away for the seconds it takes to start again, and durable queues come back with the messages they held. After each
/// restart every queue gets back as many consumers as it had before: by MassTransit's own reconnection, or, for an
/// endpoint MassTransit leaves dead (8.4 and 8.5.12 both do, docs/rabbitmq-restarts.md), by a fresh worker once the
/// ReceiveEndpointWatchdog ended the old one (exit code 75) and the supervisor started it again.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed partial class Restarting_RabbitMQ_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    /// <summary>Restarts per run: PIPELINE_RABBIT_RESTARTS, 2 by default.</summary>
    private static readonly int Restarts = int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_RABBIT_RESTARTS"), out var n) && n > 0 ? n : 2;

    /// <summary>The watchdog's 60 s (RabbitMq:EndpointRecoverySeconds), a clean stop and a worker start, with room to spare.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Every_task_completes_and_no_card_is_lost_or_duplicated()
    {
        var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.RestartRabbitMq, async (batch, _) =>
        {
            var atRestart = await batch.UntilAsync(p => p.Accepted >= batch.Size / 3 && p.Cards > 0, "a third of the batch submitted and the first cards stored");
            batch.StruckAt(atRestart);
            var consumersBefore = await ConsumersAsync();
            for (var restart = 1; restart <= Restarts; restart++)
            {
                var took = await SharedServices.RestartRabbitMqAsync();
                var (recovered, missing, shortAt20s) = await ConsumersRecoveredAsync(consumersBefore);
                batch.Note($"RabbitMQ stopped (SIGTERM to its pid) and started again ({restart} of {Restarts}) at \"{(restart == 1 ? atRestart : batch.Progress)}\"; " +
                    $"it answered again after {took.TotalSeconds:0.0} s, and " +
                    (missing.Count == 0
                        ? $"all {consumersBefore.Count} queues had their {consumersBefore.Values.Sum()} consumers back {recovered.TotalSeconds:0.0} s later"
                        : $"{missing.Count} queues were still short of consumers after {Recovery.TotalSeconds:0} s") +
                    (recovered > TimeSpan.FromSeconds(20) ? $" (slow: consumers per queue at 20 s were {string.Join(", ", shortAt20s)})" : ""));
                if (missing.Count > 0)
                    batch.Problem($"receive endpoints did not recover after restart {restart}: {string.Join(", ", missing)}");
            }
        });
        outcome.AssertInvariants();
    }

    /// <summary>
    /// Consumers per queue of the run's vhost, as the broker counts them (Edge.Api and both workers). A temporary
    /// queue (MassTransit declares it exclusive with an expiry, or auto-delete) belongs to one process and is named
    /// with that process's instance id (seed 001's stop-reply listener, a bus's response queue): a worker the watchdog
    /// replaced comes back with a new id, so those are counted per kind, with the instance id left out of the name.
    /// </summary>
    private async Task<Dictionary<string, int>> ConsumersAsync()
    {
        var queues = await fixture.Infrastructure.QueuesAsync();
        return queues.EnumerateArray()
            .Where(q => q.TryGetProperty("consumers", out var c) && c.ValueKind == JsonValueKind.Number && c.GetInt32() > 0)
            .GroupBy(QueueKind)
            .ToDictionary(kind => kind.Key, kind => kind.Sum(q => q.GetProperty("consumers").GetInt32()));
    }

    private static string QueueKind(JsonElement queue)
    {
        var name = queue.GetProperty("name").GetString()!;
        var temporary = Flag(queue, "auto_delete") || Flag(queue, "exclusive")
            || queue.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty("x-expires", out _);
        return temporary ? InstanceSuffix().Replace(name, "{instance}") : name;
    }

    private static bool Flag(JsonElement queue, string name) => queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    [System.Text.RegularExpressions.GeneratedRegex("(?:_bus_[0-9a-z]+|[0-9a-f]{12})$")]
    private static partial System.Text.RegularExpressions.Regex InstanceSuffix();

    /// <summary>Waits until every queue has at least the consumers it had before; what is still short after <see cref="Recovery"/>.</summary>
    private async Task<(TimeSpan Took, List<string> Missing, List<string> ShortAt20s)> ConsumersRecoveredAsync(Dictionary<string, int> before)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        List<string> missing = ["(the management API did not answer)"];
        List<string> shortAt20s = [];
        while (clock.Elapsed < Recovery)
        {
            try
            {
                var now = await ConsumersAsync();
                missing = before.Where(q => now.GetValueOrDefault(q.Key) < q.Value)
                    .Select(q => $"{q.Key} ({now.GetValueOrDefault(q.Key)} of {q.Value} consumers)").ToList();
                if (missing.Count == 0) return (clock.Elapsed, missing, shortAt20s);
                if (clock.Elapsed > TimeSpan.FromSeconds(20) && shortAt20s.Count == 0) shortAt20s = missing;
            }
            catch (HttpRequestException)
            {
                // The management plugin starts a moment after the broker.
            }
            await Task.Delay(500);
        }
        return (clock.Elapsed, missing, shortAt20s);
    }
}
