namespace Pipeline.Tests.Infrastructure;

/// <summary>Tests in this collection share one running system (see <see cref="PipelineFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}
