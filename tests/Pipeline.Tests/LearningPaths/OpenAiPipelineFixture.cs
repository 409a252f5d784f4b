using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningPaths;

/// <summary>
/// The whole system with its AI pointed at a local OpenAI-compatible server: the real OpenAI SDK over real HTTP.
/// Retries are made fast so failure paths finish in seconds.
/// </summary>
public class OpenAiPipelineFixture : PipelineFixture
{
    public FakeOpenAiServer Llm { get; private set; } = null!;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(Llm.AiSettings)
    {
        ["Ai:MaxConcurrency"] = "2",
        ["Ai:MaxRepairs"] = "2",
        ["Pipeline:Retry:InProcessRetries"] = "3",
        ["Pipeline:Retry:InProcessMinDelayMs"] = "20",
        ["Pipeline:Retry:InProcessMaxDelayMs"] = "100",
        ["Pipeline:Retry:RedeliverySeconds"] = "1,1",
        ["Pipeline:Retry:MaxInlineRetryAfterSeconds"] = "2",
        ["Pipeline:RateLimits:AiRequestsPerMinute"] = "1000",
    };

    public override async ValueTask InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
    }
}
