using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// Writes an in-process host's warnings and errors to a file under the test output (process-logs/), where a test run
/// swallows console output: what Edge.Api logged during a fault is then there to read next to the workers' logs.
/// </summary>
public sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, FileLogger> _loggers = new();
    private readonly LogLevel _minimum;

    public FileLoggerProvider(string name, LogLevel minimum = LogLevel.Warning)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "process-logs");
        Directory.CreateDirectory(folder);
        LogPath = Path.Combine(folder, $"{name}-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.log");
        _writer = new StreamWriter(LogPath, append: false) { AutoFlush = true };
        _minimum = minimum;
    }

    public string LogPath { get; }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, category => new FileLogger(this, category));

    public void Dispose()
    {
        lock (_lock) _writer.Dispose();
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            try
            {
                _writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A host still logging while it stops, after the test closed the file.
            }
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}" +
                (exception is null ? "" : $"\n  {exception}"));
        }
    }
}
