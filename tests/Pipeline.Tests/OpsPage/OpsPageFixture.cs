using Pipeline.Tests.Fakes;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.OpsPage;

/// <summary>
/// The whole system with Edge.Api on a real loopback port (a browser needs a socket), fast retries (from
/// <see cref="OpenAiPipelineFixture"/>, so a failing stage gives up within seconds), fast operations clocks, and a fake
/// LLM that answers 500 to every card request until a test says otherwise.
/// </summary>
public sealed class OpsPageFixture : OpenAiPipelineFixture
{
    protected override bool ListensOnRealPort => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Operations:HeartbeatSeconds"] = "1",
        ["Operations:EndpointDownAfterSeconds"] = "5",
        ["Operations:MetricsFlushSeconds"] = "1",
        ["Operations:ErrorQueueDiscoverySeconds"] = "1",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        FailCardGeneration();
    }

    /// <summary>Goals, plan and structure succeed; every section_cards request gets a 500, so the task fails at its cards.</summary>
    public void FailCardGeneration()
    {
        Llm.Reset();
        Llm.Behaviour = request => request.SchemaName == "section_cards" ? FakeChatReply.ServerError(500) : FakeChatReply.Valid();
    }
}
