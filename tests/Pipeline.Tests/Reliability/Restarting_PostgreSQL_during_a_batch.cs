namespace Pipeline.Tests.Reliability;

/// <summary>
/// The database restarted mid-batch: every pooled connection of Edge.Api and both workers breaks, open transactions
/// (saga transitions, card inserts, scheduler polls) roll back, and new connections are refused until it is back.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class Restarting_PostgreSQL_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_task_completes_and_no_card_is_lost_or_duplicated()
    {
        var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.RestartPostgres, async (batch, _) =>
        {
            var atRestart = await batch.UntilAsync(p => p.Accepted >= batch.Size / 3 && p.Cards > 0, "a third of the batch submitted and the first cards stored");
            batch.StruckAt(atRestart);
            var took = await SharedServices.RestartPostgresAsync();
            batch.Note($"PostgreSQL stopped (pg_ctl stop -m fast) and started again at \"{atRestart}\"; it answered again after {took.TotalSeconds:0.0} s");
        });
        outcome.AssertInvariants();
    }
}
