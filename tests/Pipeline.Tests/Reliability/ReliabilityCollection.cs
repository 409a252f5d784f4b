namespace Pipeline.Tests.Reliability;

/// <summary>
/// The fault-injection suite shares one running system. Its tests restart the shared PostgreSQL and RabbitMQ that every
/// other fixture of the run also uses, so the collection is not parallelised: xunit v3 runs such a collection after all
/// parallel ones have finished, and then alone. That keeps `./test.sh` one `dotnet test` pass (one build, one summary
/// line) rather than a second pass with its own start-up, and no other test ever sees a restart it did not ask for.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "Reliability";
}
