using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// The system as it runs in production, on one machine: Edge.Api on a real loopback port (clients use real HTTP and
/// real JWTs), two Handlers worker processes that a test may kill, a Redis server of its own that a test may stop, the
/// shared PostgreSQL and RabbitMQ (restarted through scripts/infra.sh), and a local OpenAI-compatible fake as the LLM,
/// with a little latency so a batch runs long enough for a fault to land in the middle of it.
/// </summary>
public sealed class ReliabilityFixture : PipelineFixture
{
    public const int CardsPerSection = 3;
    public const int WorkerCount = 2;
    public static readonly TimeSpan AiLatency = TimeSpan.FromMilliseconds(300);

    private readonly HandlersProcess?[] _workers = new HandlersProcess?[WorkerCount];
    private readonly List<HandlersProcess> _retired = [];
    private readonly SemaphoreSlim _workersLock = new(1, 1);
    private readonly ConcurrentQueue<string> _supervisorEvents = new();
    private readonly ConcurrentQueue<string> _supervisorProblems = new();
    private readonly CancellationTokenSource _stopSupervising = new();
    private Task _supervising = Task.CompletedTask;
    private int _workerGeneration;

    public FakeOpenAiServer Ai { get; private set; } = null!;
    public RedisServerProcess Redis { get; private set; } = null!;
    public ReliabilityReport Report { get; } = new();

    /// <summary>One client for every learner of the suite, on real sockets to Kestrel; requests carry their own bearer token.</summary>
    public HttpClient Http { get; private set; } = null!;

    protected override bool ListensOnRealPort => true;
    protected override bool HostsHandlersInProcess => false;

    /// <summary>Edge.Api's warnings and errors, next to the workers' logs in process-logs/.</summary>
    public FileLoggerProvider ApiLog { get; } = new("edge-api");

    protected override void ConfigureApi(IWebHostBuilder web)
    {
        web.ConfigureLogging(logging => logging.AddProvider(ApiLog));
        // Edge.Api runs inside the test process here, where nothing could start it again: its bus watchdog (which ends
        // the host for its supervisor when an endpoint stays dead) is off. The batches use only what needs no bus
        // endpoint of the edge (asynchronous generate, status, retry); the workers, real processes, keep theirs.
        web.UseSetting("RabbitMq:EndpointRecoverySeconds", "0");
    }

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = Ai.AiSettings;
            settings["Redis:Configuration"] = Redis.Configuration;
            settings["Pipeline:CardsPerSection"] = CardsPerSection.ToString();
            // A hung LLM call costs 3 s, not a minute, so the timeout fault finishes in a test's time (2 s was too short for
            // a worker's first calls on a busy 2-core machine: healthy answers timed out).
            settings["Ai:RequestTimeoutSeconds"] = "3";
            // The shipped retry shape (in-process retries, then scheduled redeliveries, then a fault), scaled down from
            // minutes to seconds; a stage command lost with a killed worker is re-sent after 15 s without progress.
            settings["Pipeline:Retry:InProcessRetries"] = "3";
            settings["Pipeline:Retry:InProcessMinDelayMs"] = "100";
            settings["Pipeline:Retry:InProcessMaxDelayMs"] = "1000";
            settings["Pipeline:Retry:RedeliverySeconds"] = "2,5";
            settings["Pipeline:Retry:MaxInlineRetryAfterSeconds"] = "2";
            settings["Pipeline:StageTimeoutSeconds"] = "15";
            settings["Pipeline:MaxStageResends"] = "10";
            // The suite retries every task a fault failed, as often as it fails: it measures recovery, not the abuse limits
            // on retries and AI requests (tests/Pipeline.Tests/LearningPaths/Retrying_a_failed_task.cs covers those).
            settings["Pipeline:TaskRetries:MaxRetriesPerTask"] = "1000";
            settings["Pipeline:TaskRetries:FirstGapSeconds"] = "0";
            settings["Pipeline:RateLimits:AiRequestsPerMinute"] = "100000";
            // A batch of 100 comes from a handful of learners: the per-user AI limit is not what is under test.
            settings["Pipeline:RateLimits:AiRequestsPerMinute"] = "100000";
            return settings;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        Report.Started();
        Redis = await RedisServerProcess.StartAsync();
        Ai = await FakeOpenAiServer.StartAsync();
        Ai.Latency = AiLatency;
        await base.InitializeAsync();
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1000,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (BaseAddress.Host != IPAddress.Loopback.ToString())
            throw new InvalidOperationException($"Edge.Api should listen on 127.0.0.1, not {BaseAddress}.");
        for (var slot = 0; slot < WorkerCount; slot++)
            _workers[slot] = await HandlersProcess.StartAsync(Settings, $"w{slot}-{_workerGeneration++}");
        _supervising = SuperviseAsync(_stopSupervising.Token);
    }

    /// <summary>
    /// What a process supervisor (docker compose's restart policy, run.sh) does: a worker that exits on its own is started
    /// again. A worker that ends itself because its bus is beyond repair (exit code 75, see ReceiveEndpointWatchdog) is
    /// reported as an event; any other exit is a problem for the batch that saw it.
    /// </summary>
    private async Task SuperviseAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(500, stop);
                await _workersLock.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                for (var slot = 0; slot < WorkerCount; slot++)
                {
                    var worker = _workers[slot]!;
                    if (!worker.HasExited) continue;
                    var exit = $"worker {worker.Name} (pid {worker.ProcessId}) exited with code {worker.ExitCode}";
                    if (worker.ExitCode == ReceiveEndpointWatchdog.ExitCode) _supervisorEvents.Enqueue($"{exit} (its bus watchdog) and was started again");
                    else _supervisorProblems.Enqueue($"{exit} on its own; log: {worker.LogPath}");
                    _retired.Add(worker);
                    _workers[slot] = await HandlersProcess.StartAsync(Settings, $"w{slot}-{_workerGeneration++}");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                _supervisorProblems.Enqueue($"a worker could not be started again: {e.Message}");
            }
            finally
            {
                _workersLock.Release();
            }
        }
    }

    /// <summary>What the supervisor did since the last call: (events to note, problems).</summary>
    public (List<string> Events, List<string> Problems) TakeSupervisorReport()
    {
        var events = new List<string>();
        var problems = new List<string>();
        while (_supervisorEvents.TryDequeue(out var e)) events.Add(e);
        while (_supervisorProblems.TryDequeue(out var p)) problems.Add(p);
        return (events, problems);
    }

    /// <summary>kill -9 the worker in <paramref name="slot"/> and start its replacement (returns once that one consumes).</summary>
    public async Task<(int KilledPid, HandlersProcess Replacement)> KillAndReplaceWorkerAsync(int slot)
    {
        await _workersLock.WaitAsync();
        try
        {
            var victim = _workers[slot]!;
            await victim.KillAsync();
            _retired.Add(victim);
            var replacement = await HandlersProcess.StartAsync(Settings, $"w{slot}-{_workerGeneration++}");
            _workers[slot] = replacement;
            return (victim.ProcessId, replacement);
        }
        finally
        {
            _workersLock.Release();
        }
    }

    /// <summary>A request as a learner's browser would send it: the learner's own access token, real HTTP.</summary>
    public static HttpRequestMessage As(TestUser learner, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", learner.AccessToken);
        return request;
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            Report.Finished();
            Report.Write();
            await _stopSupervising.CancelAsync();
            await _supervising;
            Http?.Dispose();
            foreach (var worker in _workers)
                if (worker is not null) await worker.StopAsync();
            await base.DisposeAsync();
        }
        finally
        {
            foreach (var worker in _workers.Concat(_retired))
                if (worker is not null) await worker.DisposeAsync();
            await Ai.DisposeAsync();
            await Redis.DisposeAsync();
            ApiLog.Dispose();
        }
    }
}
