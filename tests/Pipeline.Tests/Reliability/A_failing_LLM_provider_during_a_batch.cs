using System.Collections.Concurrent;
using Pipeline.Tests.Fakes;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// The LLM provider fails 30% of calls for the whole batch, retries included: a third of the failures are rate limits
/// (429 with Retry-After: 1), a third server errors (500 or 503), a third calls that never answer (the client's 3 s
/// request timeout ends them).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class A_failing_LLM_provider_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_task_completes_and_no_card_is_lost_or_duplicated()
    {
        var random = new Random(30);
        var randomLock = new Lock();
        var failures = new ConcurrentDictionary<string, int>();
        var callsBefore = fixture.Ai.CallCount;
        fixture.Ai.Behaviour = _ =>
        {
            double roll;
            lock (randomLock) roll = random.NextDouble();
            var (kind, reply) = roll switch
            {
                < 0.10 => ("429", FakeChatReply.RateLimited(TimeSpan.FromSeconds(1))),
                < 0.15 => ("500", FakeChatReply.ServerError(500)),
                < 0.20 => ("503", FakeChatReply.ServerError(503)),
                < 0.30 => ("timeout", FakeChatReply.Hang()),
                _ => ("ok", FakeChatReply.Valid()),
            };
            failures.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return reply;
        };
        try
        {
            var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.FailingLlm, (batch, _) =>
            {
                batch.StruckAt(batch.Progress);
                return Task.CompletedTask;
            }, verify: batch =>
            {
                var calls = fixture.Ai.CallCount - callsBefore;
                var failed = failures.Where(f => f.Key != "ok").Sum(f => f.Value);
                batch.Note($"{failed} of {calls} LLM calls failed ({failed * 100.0 / Math.Max(1, calls):0}%): " +
                    $"{failures.GetValueOrDefault("429")} × 429, {failures.GetValueOrDefault("500")} × 500, {failures.GetValueOrDefault("503")} × 503, " +
                    $"{failures.GetValueOrDefault("timeout")} never answered");
                return Task.FromResult<IEnumerable<string>>([]);
            });
            outcome.AssertInvariants();
        }
        finally
        {
            fixture.Ai.Behaviour = _ => FakeChatReply.Valid();
        }
    }
}
