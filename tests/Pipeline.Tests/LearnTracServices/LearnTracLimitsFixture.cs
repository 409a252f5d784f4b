using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearnTracServices;

/// <summary>Seed 003's limits scaled down so a test can reach them: 6 requests per hour, 3 chat messages per hour, 2 exports per day.</summary>
public sealed class LearnTracLimitsFixture : PipelineFixture
{
    public const int ApiLimit = 6;
    public const int ExportLimit = 2;
    public const int ChatLimit = 3;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["LearnTrac:RateLimits:Api:Limit"] = ApiLimit.ToString(),
        ["LearnTrac:RateLimits:Exports:Limit"] = ExportLimit.ToString(),
        ["LearnTrac:RateLimits:Chat:Limit"] = ChatLimit.ToString(),
    };
}
