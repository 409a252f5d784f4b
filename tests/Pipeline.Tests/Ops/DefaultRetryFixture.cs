using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Ops;

/// <summary>The system with its shipped retry settings (nothing shortened) and a fake LLM that always answers 500.</summary>
public sealed class DefaultRetryFixture : PipelineFixture
{
    public FakeOpenAiServer Llm { get; private set; } = null!;

    protected override IDictionary<string, string?> ExtraSettings => Llm.AiSettings;

    public override async ValueTask InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync(_ => FakeChatReply.ServerError(500));
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
    }
}
