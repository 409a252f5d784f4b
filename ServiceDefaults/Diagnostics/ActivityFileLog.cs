using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Pipeline.ServiceDefaults.Diagnostics;

/// <summary>
/// Writes every finished activity of the bus, the database driver and the web host (MassTransit, RabbitMQ client, Npgsql,
/// ASP.NET Core, and our own Redis calls) to a tab-separated file, one line each: start (unix µs), duration (µs), trace id, source, name, and the
/// message destination or SQL text (never parameter values). Off unless <c>Diagnostics:ActivityLogPath</c> names a
/// folder; <c>bench/hops.py</c> turns it on to break the time to structure down hop by hop. Activities of one request
/// share a trace id across both hosts, because MassTransit carries the trace context in message headers.
/// </summary>
public sealed class ActivityFileLog(IConfiguration configuration, IHostEnvironment environment) : IHostedService, IDisposable
{
    public const string Setting = "Diagnostics:ActivityLogPath";
    private static readonly string[] Sources = ["MassTransit", "RabbitMQ.Client", "Npgsql", "Microsoft.AspNetCore", PipelineActivities.SourceName];

    private readonly object _gate = new();
    private ActivityListener? _listener;
    private StreamWriter? _writer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = configuration[Setting];
        if (string.IsNullOrWhiteSpace(folder)) return Task.CompletedTask;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{environment.ApplicationName}-{Environment.ProcessId}.tsv");
        _writer = new StreamWriter(file, append: true) { AutoFlush = true };
        _listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Any(name => source.Name.StartsWith(name, StringComparison.Ordinal)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Write,
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
        lock (_gate) { _writer?.Dispose(); _writer = null; }
    }

    private void Write(Activity activity)
    {
        var detail = activity.GetTagItem("messaging.destination.name") ?? activity.GetTagItem("db.statement") ?? activity.GetTagItem("db.query.text") ?? "";
        var text = detail.ToString()!.ReplaceLineEndings(" ");
        var line = string.Join('\t',
            ((activity.StartTimeUtc - DateTime.UnixEpoch).Ticks / 10).ToString(CultureInfo.InvariantCulture),
            ((long)activity.Duration.TotalMicroseconds).ToString(CultureInfo.InvariantCulture),
            activity.TraceId.ToHexString(), activity.Source.Name, activity.DisplayName, text.Length > 80 ? text[..80] : text);
        lock (_gate) _writer?.WriteLine(line);
    }
}
