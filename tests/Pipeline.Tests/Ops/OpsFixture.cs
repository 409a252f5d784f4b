using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Ops;

/// <summary>
/// The whole system with a scriptable LLM, fast retries (from <see cref="OpenAiPipelineFixture"/>) and fast operations
/// clocks: heartbeats every second, down after three, counters flushed and error queues discovered every second.
/// </summary>
public sealed class OpsFixture : OpenAiPipelineFixture
{
    public const string ScrapeToken = "ops-test-scrape-token-0123456789";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Operations:HeartbeatSeconds"] = "1",
        ["Operations:EndpointDownAfterSeconds"] = "3",
        ["Operations:MetricsFlushSeconds"] = "1",
        ["Operations:ErrorQueueDiscoverySeconds"] = "1",
        ["Operations:MetricsScrapeToken"] = ScrapeToken,
    };
}
