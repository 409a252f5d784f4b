using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Webhooks;

/// <summary>Receivers on loopback are allowed; retries come after 0.3 and 0.6 s, for 3 s; two failed deliveries disable.</summary>
public sealed class WebhooksFixture : PipelineFixture
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:RetryDelays"] = "00:00:00.3,00:00:00.6",
        ["Webhooks:RetryFor"] = "00:00:03",
        ["Webhooks:DisableAfterFailedDeliveries"] = "2",
    };
}
