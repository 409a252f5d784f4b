using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Faults;

/// <summary>
/// The whole system (Edge.Api and Handlers in process) on a Redis server of its own, which the test may kill and
/// start again; the AI is a local fake with a little latency, so a generation runs long enough to be watched.
/// </summary>
public sealed class PrivateRedisFixture : PipelineFixture
{
    public RedisServerProcess Redis { get; private set; } = null!;
    public FakeOpenAiServer Ai { get; private set; } = null!;

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = Ai.AiSettings;
            settings["Redis:Configuration"] = Redis.Configuration;
            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        Redis = await RedisServerProcess.StartAsync();
        Ai = await FakeOpenAiServer.StartAsync();
        Ai.Latency = TimeSpan.FromMilliseconds(150);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Ai.DisposeAsync();
            await Redis.DisposeAsync();
        }
    }
}
