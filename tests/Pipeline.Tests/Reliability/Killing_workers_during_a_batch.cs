using System.Diagnostics;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// "kill -9 a Handlers worker every few seconds (two workers running)": workers die holding unacknowledged messages,
/// saga transitions half-way (committed, not yet announced) and LLM calls in flight; a replacement starts each time.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class Killing_workers_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// How long a replacement consumes before the next kill: it gets work done (the other worker carries on meanwhile),
    /// and a 30-path batch, which the pipeline now finishes in ~14 s, still sees at least two kills (5 s saw only one).
    /// </summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Every_task_completes_and_no_card_is_lost_or_duplicated()
    {
        var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.KillWorkers, async (batch, finished) =>
        {
            // From the first accepted task on: the first kill lands among extractions and saga transitions, later ones
            // among card generations.
            batch.StruckAt(await batch.UntilAsync(p => p.Accepted > 0, "the first accepted task"));
            var kills = 0;
            var clock = Stopwatch.StartNew();
            // Until every task has finished, the two slots take turns: one worker is killed while the other (often a
            // replacement that started a few seconds ago) carries on, then its replacement starts.
            for (var slot = 0; !finished.IsCancellationRequested; slot = (slot + 1) % ReliabilityFixture.WorkerCount)
            {
                var since = clock.Elapsed;
                var (killed, replacement) = await fixture.KillAndReplaceWorkerAsync(slot);
                kills++;
                batch.Log($"kill -9 {killed}; {replacement.Name} (pid {replacement.ProcessId}) consuming after {(clock.Elapsed - since).TotalSeconds:0.0} s; {batch.Progress}");
                try { await Task.Delay(Lifetime, finished); }
                catch (OperationCanceledException) { break; }
            }
            batch.Note($"{kills} workers killed with SIGKILL in {clock.Elapsed.TotalSeconds:0} s (one every {clock.Elapsed.TotalSeconds / Math.Max(1, kills):0.0} s on average), " +
                $"the next kill {Lifetime.TotalSeconds:0} s after the previous replacement was consuming");
            if (kills < 2)
                batch.Problem($"only {kills} worker(s) killed before the batch finished: not \"every few seconds\"");
        });
        outcome.AssertInvariants();
    }
}
