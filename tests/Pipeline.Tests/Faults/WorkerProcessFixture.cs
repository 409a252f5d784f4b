using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Faults;

/// <summary>
/// Edge.Api in process, but no Handlers host: the test starts (and kills) real Handlers processes with
/// <see cref="StartWorkerAsync"/>. The AI is a local OpenAI-compatible fake that takes <see cref="AiLatency"/> per call,
/// so a batch of generations runs for several seconds and a worker can be killed in the middle of it.
/// </summary>
public sealed class WorkerProcessFixture : PipelineFixture
{
    public const int CardsPerSection = 4;
    public static readonly TimeSpan AiLatency = TimeSpan.FromMilliseconds(250);

    public FakeOpenAiServer Ai { get; private set; } = null!;

    /// <summary>Edge.Api's warnings and errors, next to the workers' logs in process-logs/ (an unexpected 500 names its cause there).</summary>
    public FileLoggerProvider ApiLog { get; } = new("worker-faults-edge-api");

    protected override bool HostsHandlersInProcess => false;

    protected override void ConfigureApi(IWebHostBuilder web) => web.ConfigureLogging(logging => logging.AddProvider(ApiLog));

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = Ai.AiSettings;
            settings["Pipeline:CardsPerSection"] = CardsPerSection.ToString();
            // A stage command lost between the saga's commit and its send (a kill in between) is re-sent by the
            // stage timeout: keep it short so such a loss costs seconds, not minutes, and allow enough re-sends that a
            // slow (loaded) machine does not time a task out while the batch is still making progress.
            settings["Pipeline:StageTimeoutSeconds"] = "10";
            settings["Pipeline:MaxStageResends"] = "10";
            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        Ai = await FakeOpenAiServer.StartAsync();
        Ai.Latency = AiLatency;
        await base.InitializeAsync();
    }

    /// <summary>A Handlers process on this fixture's database, virtual host, Redis prefix and fake AI, ready to consume.</summary>
    public Task<HandlersProcess> StartWorkerAsync(string name) =>
        HandlersProcess.StartAsync(Settings, name);

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Ai.DisposeAsync();
            ApiLog.Dispose();
        }
    }
}
