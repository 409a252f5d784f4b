using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// The real Handlers host (<c>Pipeline.Handlers.dll</c>, built with the same configuration as the tests) as a child
/// process on a fixture's settings, for tests that kill a worker the way an operating system or an orchestrator does.
/// Settings go in as environment variables (<c>Section__Key</c>); stdout and stderr go to a log file under the test
/// output (<see cref="LogPath"/>), and the log's tail is part of every failure this class reports.
/// <code>
/// await using var worker = await HandlersProcess.StartAsync(fixture.Settings, "worker-a");
/// await worker.KillAsync();   // SIGKILL, no shutdown code runs
/// </code>
/// </summary>
public sealed class HandlersProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource _busStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _logClosed;

    private HandlersProcess(string name, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string Name { get; }
    public int ProcessId => _process.Id;
    public string LogPath { get; }
    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Where the Handlers build of this test run lives: Handlers/bin/&lt;configuration&gt;/&lt;tfm&gt;/.</summary>
    public static string AssemblyPath
    {
        get
        {
            // The tests run from tests/Pipeline.Tests/bin/<configuration>/<tfm>/: the same configuration and framework.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent?.Name ?? throw new InvalidOperationException($"No configuration folder above {output.FullName}.");
            return Path.Combine(TestSettings.RepositoryRoot, "Handlers", "bin", configuration, framework, "Pipeline.Handlers.dll");
        }
    }

    /// <summary>Starts the worker and waits until its bus is consuming (see <see cref="WaitUntilReadyAsync"/>).</summary>
    public static async Task<HandlersProcess> StartAsync(IDictionary<string, string?> settings, string name, TimeSpan? readyWithin = null)
    {
        var worker = Start(settings, name);
        try
        {
            await worker.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(60));
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the worker without waiting for it.</summary>
    public static HandlersProcess Start(IDictionary<string, string?> settings, string name)
    {
        var assembly = AssemblyPath;
        if (!File.Exists(assembly))
            throw new FileNotFoundException($"The Handlers host is not built at {assembly}; build the solution with the tests' configuration.", assembly);

        var start = new ProcessStartInfo(DotnetExecutable(), [assembly])
        {
            WorkingDirectory = Path.Combine(TestSettings.RepositoryRoot, "Handlers"),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Not the test process's own stdin (the test runner's channel): the worker reads nothing from it.
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["MASSTRANSIT_USAGE_TELEMETRY"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Readiness is read from MassTransit's "Bus started" line: keep it logged whatever the host's defaults.
        start.Environment["Logging__LogLevel__MassTransit"] = "Information";
        // Plain lines, so the log file reads like a terminal without colour codes.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";

        var folder = Path.Combine(AppContext.BaseDirectory, "process-logs");
        Directory.CreateDirectory(folder);
        var logPath = Path.Combine(folder, $"handlers-{name}-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new HandlersProcess(name, process, log, logPath);
        process.OutputDataReceived += (_, e) => worker.Write("out", e.Data);
        process.ErrorDataReceived += (_, e) => worker.Write("err", e.Data);
        worker.Write("test", $"starting {start.FileName} {assembly} in {start.WorkingDirectory}");
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {start.FileName} {assembly}.");
        worker.Write("test", $"process {process.Id} started");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>
    /// Waits until the worker's bus has started: MassTransit logs "Bus started" only once every receive endpoint is
    /// consuming. (The RabbitMQ management API lags by its statistics interval, about 5 s, and goes on listing a killed
    /// worker's consumers for as long, so it cannot tell a new worker from a dead one.) Fails early if the process exits.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(_busStarted.Task, exited, Task.Delay(timeout));
        if (finished == exited)
            throw new InvalidOperationException($"Handlers process {Name} exited with code {_process.ExitCode} before its bus started.{Tail()}");
        if (finished != _busStarted.Task)
            throw new TimeoutException($"Handlers process {Name} did not start its bus within {timeout.TotalSeconds:0}s.{Tail()}");
        Write("test", "ready: bus started");
    }

    /// <summary>SIGKILL (kill -9) to the whole process tree: no shutdown code runs, unacknowledged messages stay unacknowledged.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        Write("test", $"kill -9 {_process.Id}");
        _process.Kill(entireProcessTree: true);
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A graceful stop (SIGTERM: the host's shutdown runs); killed if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return;
        Write("test", $"SIGTERM {_process.Id}");
        if (OperatingSystem.IsWindows() || SendSignal(_process.Id, SigTerm) != 0)
        {
            await KillAsync();
            return;
        }
        try
        {
            await WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await KillAsync();
        }
    }

    /// <summary>The log so far (stdout and stderr, prefixed).</summary>
    public string ReadLog()
    {
        lock (_logLock)
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    private async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Handlers process {Name} ({_process.Id}) did not exit within {timeout.TotalSeconds:0}s.");
        }
        Write("test", $"process {_process.Id} exited with code {_process.ExitCode}");
    }

    private void Write(string stream, string? line)
    {
        if (line is null) return;
        if (stream == "out" && line.Contains("Bus started:", StringComparison.Ordinal))
            _busStarted.TrySetResult();
        lock (_logLock)
        {
            if (_logClosed) return;
            _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{stream}] {line}");
        }
    }

    private string Tail(int lines = 40)
    {
        var all = ReadLog().Split('\n');
        return $"\n--- last lines of {LogPath} ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                await KillAsync();
        }
        finally
        {
            lock (_logLock)
            {
                _logClosed = true;
                _log.Dispose();
            }
            _process.Dispose();
        }
    }

    private static string DotnetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
