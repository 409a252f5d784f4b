using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> on 127.0.0.1 and a free port, owned by one test fixture: unlike the shared instance it
/// can be killed and started again (on the same port) to test a Redis outage. Nothing is persisted, so a restarted
/// server is empty. Its output goes to a log file under the test output.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _logPath;
    private readonly Lock _logLock = new();
    private Process? _process;

    private RedisServerProcess(int port)
    {
        Port = port;
        var folder = Path.Combine(AppContext.BaseDirectory, "process-logs");
        Directory.CreateDirectory(folder);
        _logPath = Path.Combine(folder, $"redis-{port}-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.log");
    }

    public int Port { get; }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public int? ProcessId => _process is { HasExited: false } ? _process.Id : null;

    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
            throw new InvalidOperationException($"Redis on port {Port} is already running (pid {_process.Id}).");
        _process?.Dispose();
        var start = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // not the test process's own stdin (the test runner's channel)
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--daemonize", "no" })
            start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"redis-server on port {Port} exited with code {process.ExitCode}; see {_logPath}");
                return await PingAsync();
            }, TimeSpan.FromSeconds(20), $"redis-server on port {Port} to answer PING");
        }
        catch
        {
            await KillAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: the server is gone at once, with every connection and every key.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>
    /// SIGSTOP: the server stops answering but its connections stay open, as with a Redis stuck in a long command or
    /// cut off by the network (no reset ever reaches the clients). <see cref="Resume"/> lets it go on.
    /// </summary>
    public void Freeze() => Signal(SigStop, "freeze");

    /// <summary>SIGCONT after <see cref="Freeze"/>: the server answers again, with its keys and connections.</summary>
    public void Resume() => Signal(SigCont, "resume");

    private void Signal(int signal, string what)
    {
        if (_process is null || _process.HasExited)
            throw new InvalidOperationException($"Cannot {what} Redis on port {Port}: it is not running.");
        if (SendSignal(_process.Id, signal) != 0)
            throw new InvalidOperationException($"Cannot {what} Redis on port {Port} (pid {_process.Id}): error {Marshal.GetLastPInvokeError()}.");
    }

    private const int SigCont = 18;
    private const int SigStop = 19;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_logLock) File.AppendAllText(_logPath, line + Environment.NewLine);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process?.Dispose();
        }
    }
}
