using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Tracks;

/// <summary>
/// The whole system for seed 001's routes on Kestrel (a real port, for WebSocket clients), Edge.Api's warnings and
/// errors in process-logs/ (<see cref="ApiLog"/>).
/// </summary>
public sealed class Seed001Fixture : PipelineFixture
{
    public FileLoggerProvider ApiLog { get; } = new("seed001-edge-api");

    protected override bool ListensOnRealPort => true;

    protected override void ConfigureApi(IWebHostBuilder web) => web.ConfigureLogging(logging => logging.AddProvider(ApiLog));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ApiLog.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class Seed001Collection : ICollectionFixture<Seed001Fixture>
{
    public const string Name = "Seed001";
}
