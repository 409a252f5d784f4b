namespace Pipeline.Tests.OpsPage;

/// <summary>The /ops browser tests share one system and its scriptable fake LLM, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class OpsPageCollection : ICollectionFixture<OpsPageFixture>
{
    public const string Name = "OpsPage";
}
