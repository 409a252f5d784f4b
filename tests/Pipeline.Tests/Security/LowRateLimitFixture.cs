using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Security;

/// <summary>The system with AI limits small enough to reach in a test: 3 generations a minute, 1 for guests.</summary>
public sealed class LowRateLimitFixture : PipelineFixture
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Pipeline:RateLimits:AiRequestsPerMinute"] = "3",
        ["Pipeline:RateLimits:GuestAiRequestsPerMinute"] = "1",
    };
}
