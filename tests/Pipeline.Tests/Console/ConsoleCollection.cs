namespace Pipeline.Tests.LearnerConsole;

/// <summary>Browser tests share one system and its scriptable fake LLM, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "LearnerConsole";
}
