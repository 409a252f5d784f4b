namespace Pipeline.Tests.Reliability;

/// <summary>
/// The broker restarted mid-batch: every connection of Edge.Api and of both workers drops, the broker is away for the
/// seconds it takes to start again, and durable queues come back with the messages they held.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class Restarting_RabbitMQ_during_a_batch(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_task_completes_and_no_card_is_lost_or_duplicated()
    {
        var outcome = await GenerationBatch.RunAsync(fixture, output, FaultNames.RestartRabbitMq, async (batch, _) =>
        {
            var atRestart = await batch.UntilAsync(p => p.Accepted >= batch.Size / 3 && p.Cards > 0, "a third of the batch submitted and the first cards stored");
            batch.StruckAt(atRestart);
            var took = await SharedServices.RestartRabbitMqAsync();
            batch.Note($"RabbitMQ stopped (SIGTERM to its pid) and started again at \"{atRestart}\"; it answered again after {took.TotalSeconds:0.0} s");
        });
        outcome.AssertInvariants();
    }
}
