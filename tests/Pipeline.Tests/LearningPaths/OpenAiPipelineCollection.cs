namespace Pipeline.Tests.LearningPaths;

/// <summary>Tests that script the fake LLM share it, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class OpenAiPipelineCollection : ICollectionFixture<OpenAiPipelineFixture>
{
    public const string Name = "OpenAiPipeline";
}
