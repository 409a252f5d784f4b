namespace Pipeline.Tests.Reliability;

/// <summary>
/// "500 concurrent status pollers for 60 s plus a generation batch: 0 errors, p99 poll latency reported." The pollers
/// are 10 browser tabs for each of the batch's learners, polling once a second like the learner console.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class Status_polling_under_load(ReliabilityFixture fixture, ITestOutputHelper output)
{
    private const int Pollers = 500;
    private const int GenerationsPerLearner = 2;
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Five_hundred_pollers_get_no_errors_while_a_batch_runs()
    {
        LoadOutcome? load = null;
        var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.PollingLoad, async (batch, _) =>
        {
            // Every learner has a task to poll before the clock starts, so all 500 pollers poll for the whole duration.
            batch.StruckAt(await batch.UntilAsync(p => p.Accepted >= batch.Learners.Count, "a task for every learner"));
            load = await new StatusLoad(fixture).RunAsync(batch.Learners,
                learner => batch.Tasks.Where(t => t.Learner == learner).Select(t => t.TaskId).ToList(),
                Pollers, ReliabilityRun.LoadDuration, ThinkTime);
            fixture.Report.Add(load);
            batch.Note(load.ToString());
            if (load.Errors > 0)
                batch.Problem($"{load.Errors} of {load.Requests} polls under load failed, e.g. {string.Join("; ", load.ErrorSamples)}");
        }, GenerationsPerLearner);
        Assert.NotNull(load);
        output.WriteLine(load.ToString());
        outcome.AssertInvariants();
    }
}
