namespace Pipeline.Tests.Ops;

/// <summary>Ops tests share one system and one fake LLM, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class OpsCollection : ICollectionFixture<OpsFixture>
{
    public const string Name = "Ops";
}
