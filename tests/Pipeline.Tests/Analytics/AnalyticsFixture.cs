using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Analytics;

/// <summary>The system with loopback webhook receivers allowed (export.completed).</summary>
public sealed class AnalyticsFixture : PipelineFixture
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
    };
}
