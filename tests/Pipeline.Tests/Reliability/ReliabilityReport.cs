using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// Collects each fault's <see cref="BatchOutcome"/> and the load test's <see cref="LoadOutcome"/>, and writes them to
/// docs/reliability.md (when <see cref="ReliabilityRun.ReportPath"/> is set) once the suite has run, with the command,
/// the date, the machine's load and the definition of every column.
/// </summary>
public sealed class ReliabilityReport
{
    /// <summary>The table's row order (a test's row goes where its fault is listed, whatever order the tests ran in).</summary>
    public static readonly string[] Faults =
    [
        FaultNames.KillWorkers,
        FaultNames.RestartRabbitMq,
        FaultNames.RestartPostgres,
        FaultNames.StopRedis,
        FaultNames.FailingLlm,
        FaultNames.MalformedLlmOutput,
        FaultNames.PollingLoad,
    ];

    private readonly Lock _lock = new();
    private readonly List<BatchOutcome> _batches = [];
    private LoadOutcome? _load;
    private DateTimeOffset _started;
    private string _loadAtStart = "";
    private string _loadAtEnd = "";
    private TimeSpan _duration;
    private readonly Stopwatch _clock = new();

    public void Started()
    {
        _started = DateTimeOffset.UtcNow;
        _loadAtStart = LoadAverage();
        _clock.Start();
    }

    public void Finished()
    {
        _duration = _clock.Elapsed;
        _loadAtEnd = LoadAverage();
    }

    public void Add(BatchOutcome outcome)
    {
        lock (_lock) _batches.Add(outcome);
    }

    public void Add(LoadOutcome outcome)
    {
        lock (_lock) _load = outcome;
    }

    public void Write()
    {
        if (ReliabilityRun.ReportPath is not { } path) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Render());
    }

    public string Render()
    {
        List<BatchOutcome> batches;
        LoadOutcome? load;
        lock (_lock)
        {
            batches = [.. _batches.OrderBy(b => Array.IndexOf(Faults, b.Fault) is var i and >= 0 ? i : int.MaxValue)];
            load = _load;
        }
        var md = new StringBuilder();
        md.AppendLine("# Reliability: faults during batches of generations");
        md.AppendLine();
        md.AppendLine("Written by the fault-injection suite (`tests/Pipeline.Tests/Reliability/`) from a real run; do not edit by hand.");
        md.AppendLine();
        md.AppendLine($"- **Command**: `{ReliabilityRun.Command}` (from the repository root)");
        md.AppendLine($"- **Run**: {_started:yyyy-MM-dd HH:mm} UTC, suite took {_duration.TotalMinutes:0.0} min; {ReliabilityRun.BatchSize} generations per fault");
        md.AppendLine($"- **Machine**: {Environment.ProcessorCount} cores, {MemoryTotal()}, {Environment.OSVersion.VersionString}; load average (1/5/15 min) {_loadAtStart} at the start, {_loadAtEnd} at the end (the machine was shared with other work)");
        md.AppendLine($"- **System under test**: Edge.Api on Kestrel (127.0.0.1), {ReliabilityFixture.WorkerCount} Handlers worker processes, PostgreSQL, RabbitMQ and Redis private to the run, a fake OpenAI-compatible LLM answering after {ReliabilityFixture.AiLatency.TotalMilliseconds:0} ms ({ReliabilityFixture.CardsPerSection} cards per section, 3-10 sections per path); scaled-down retry settings (see `ReliabilityFixture`)");
        md.AppendLine();
        md.AppendLine("| fault | submitted | completed | failed, then retried | lost | duplicated cards | max status staleness | status polls | poll errors | submit retries | cards | took | invariants |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var b in batches)
            md.AppendLine(Invariant($"| {b.Fault} | {b.Submitted} | {b.CompletedDirectly} | {b.FailedThenRetried} | {b.Lost} | {b.DuplicatedCards} | {Milliseconds(b.MaxStaleness)} ({b.StaleAnswers} stale) | {b.Polls} | {b.PollErrors} | {b.SubmitRetries} | {b.Cards} | {b.Duration.TotalSeconds:0} s | {(b.HoldsTheInvariants ? "hold" : "**broken**")} |"));
        foreach (var missing in Faults.Where(f => batches.All(b => b.Fault != f)))
            md.AppendLine($"| {missing} | not run | | | | | | | | | | | |");
        md.AppendLine();
        md.AppendLine("What happened during each batch:");
        md.AppendLine();
        foreach (var b in batches)
        {
            md.AppendLine($"- **{b.Fault}**: {string.Join("; ", b.Notes.DefaultIfEmpty("nothing to add"))}. Slowest status poll {Milliseconds(b.SlowestPoll)}.");
            foreach (var problem in b.Problems)
                md.AppendLine($"  - PROBLEM: {problem.Replace("\n", " ")}");
        }
        md.AppendLine();

        md.AppendLine("## Load: status polling");
        md.AppendLine();
        if (load is null)
        {
            md.AppendLine("Not run.");
        }
        else
        {
            md.AppendLine(Invariant($"{load.Pollers} concurrent pollers ({load.Learners} signed-in learners, each poller one browser tab with the learner's own JWT, real HTTP to Kestrel on 127.0.0.1) polled `GET /api/tasks/{{id}}/status` with a think time of {load.ThinkTime.TotalSeconds:0.#} s (the learner console's POLL_INTERVAL_MS) while the batch of the last row above ran. Latency is measured by the client, from sending the request to reading the whole body."));
            md.AppendLine();
            md.AppendLine("| pollers | duration | requests | rate | errors | p50 | p95 | p99 | max |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            md.AppendLine(Invariant($"| {load.Pollers} | {load.Duration.TotalSeconds:0} s | {load.Requests} | {load.RequestsPerSecond:0} req/s | {load.Errors} | {load.P50.TotalMilliseconds:0.0} ms | {load.P95.TotalMilliseconds:0.0} ms | {load.P99.TotalMilliseconds:0.0} ms | {load.Max.TotalMilliseconds:0} ms |"));
            foreach (var error in load.ErrorSamples)
                md.AppendLine($"\n- error: {error}");
        }
        md.AppendLine();
        md.AppendLine(Definitions);
        return md.ToString();
    }

    private const string Definitions = """
        ## What the columns mean

        Each row is one batch of generations (`POST /api/recommendation/learning-paths/generate`, each with its own
        `Idempotency-Key`) submitted 150 ms apart by learners of 10 generations each (2 each in the load test), while the fault happens. The batch
        is followed to the end the way a frontend follows it, then counted in PostgreSQL (the source of truth).

        - **submitted**: generations the learners asked for.
        - **completed**: tasks that reached `completed` without any help.
        - **failed, then retried**: tasks that ended `failed` (or `timeout`) and reached `completed` after their owner's
          `POST /api/tasks/{id}/retry` (at most 3 retries per task; a retry resumes the failed stage).
        - **lost**: submitted generations that never reached `completed`, even after those retries, including any the API
          never accepted. Expected 0.
        - **duplicated cards**: cards beyond one per (path, section, position), plus cards identical (front and back) to
          another card of their section, plus every card of a second path saved for one task. Expected 0. The run also
          checks that no card is missing: every section has its cards, and every completed task's `completed_items` and
          `total_items` equal its path's stored cards.
        - **max status staleness**: how long the status API kept answering with a state PostgreSQL had already replaced.
          16 samplers each take a task of the batch, read its committed row (`updated_at` versions the row: it only grows),
          then poll the API; an answer whose `updated_at` is older than that committed row is stale, by the time since a
          sampler first saw the newer committed version. A lower bound sampled several times a second per task. After the
          batch, every completed task must answer `completed` within 20 s.
        - **status polls / poll errors**: the samplers' polls (real HTTP, the owner's JWT), and how many failed: any
          non-2xx answer, or no answer within 10 s. Expected 0 errors.
        - **submit retries**: POSTs that failed (error status, or no answer within 15 s) and were sent again with the
          same `Idempotency-Key`, as a frontend would. Not an invariant: an outage may refuse work, it may not lose it.
        - **invariants**: 0 lost, 0 duplicated or missing cards, 0 poll errors, every completed task visible as completed.
        """;

    private static string Milliseconds(TimeSpan time) => time.TotalSeconds >= 10
        ? Invariant($"{time.TotalSeconds:0.0} s")
        : Invariant($"{time.TotalMilliseconds:0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join('/', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string MemoryTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return Invariant($"{kilobytes / 1024.0 / 1024.0:0} GiB RAM");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return "unknown RAM";
        }
    }
}
