using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

/// <summary>
/// The whole system for seed 004's tests: Edge.Api on a real loopback port (the realtime WebSocket needs one), its
/// warnings and errors in a file under process-logs/ for a failing test to point at.
/// </summary>
public sealed class PlatformFixture : PipelineFixture
{
    public FileLoggerProvider ApiLog { get; } = new("platform-edge-api");

    protected override bool ListensOnRealPort => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Resources:LoadCatalogue"] = "true" };

    protected override void ConfigureApi(IWebHostBuilder web) => web.ConfigureLogging(logging => logging.AddProvider(ApiLog));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ApiLog.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}
