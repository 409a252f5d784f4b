using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Trace;
using Pipeline.ServiceDefaults;
using Pipeline.ServiceDefaults.Diagnostics;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Diagnostics;

/// <summary>
/// What <c>./bench.sh hops</c> reads: with <c>OTEL_EXPORTER_ZIPKIN_ENDPOINT</c> set, a host's spans reach a Zipkin
/// endpoint as JSON with their trace id, start and duration in µs, the service name, the instrumentation scope
/// (<c>otel.scope.name</c>), the message destination and the SQL text, and never a statement's parameter values.
/// </summary>
public sealed class Zipkin_spans
{
    [Fact]
    public async Task Reach_a_zipkin_endpoint_with_scope_destination_and_statement_text_but_no_parameter_values()
    {
        using var collector = new ZipkinCollector();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Probe" });
        builder.Configuration.AddInMemoryCollection([new(TelemetryRegistration.ZipkinEndpointSetting, collector.Url)]);
        builder.AddPipelineTelemetry();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var provider = host.Services.GetRequiredService<TracerProvider>();

        var secret = $"never-exported-{Guid.NewGuid():N}";
        string traceId;
        await using (var dataSource = NpgsqlDataSource.Create(TestSettings.PostgresFor("postgres")))
        using (var bus = new ActivitySource(TelemetryRegistration.MassTransitSource))
        using (var redis = PipelineActivities.Redis("redis probe"))
        {
            Assert.NotNull(redis);
            traceId = redis.TraceId.ToHexString();
            using (var sent = bus.StartActivity("learning-path-saga send", ActivityKind.Producer))
                sent?.SetTag("messaging.destination.name", "learning-path-saga");
            await using var command = dataSource.CreateCommand("SELECT length(@secret)");
            command.Parameters.AddWithValue("secret", secret);
            Assert.Equal(secret.Length, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        Assert.True(provider.ForceFlush(10_000));

        var spans = await Eventually.ReturnsAsync(() => Task.FromResult(collector.Spans(traceId)),
            found => found.Any(span => Tag(span, "db.query.text") is not null) && found.Count(span => Tag(span, "db.query.text") is null) >= 2,
            TimeSpan.FromSeconds(10), "the redis, bus and SQL spans of the trace");
        var redisSpan = Assert.Single(spans, span => Tag(span, "otel.scope.name") == PipelineActivities.SourceName);
        Assert.Equal("redis probe", redisSpan.GetProperty("name").GetString());
        var sendSpan = Assert.Single(spans, span => Tag(span, "otel.scope.name") == TelemetryRegistration.MassTransitSource);
        Assert.Equal("learning-path-saga send", sendSpan.GetProperty("name").GetString());
        Assert.Equal("learning-path-saga", Tag(sendSpan, "messaging.destination.name"));
        // Npgsql may add a span for opening the connection: the statement's span is the one with its text.
        var statement = Assert.Single(spans, span => Tag(span, "db.query.text") is not null);
        Assert.Equal("Npgsql", Tag(statement, "otel.scope.name"));
        Assert.Equal("SELECT length(@secret)", Tag(statement, "db.query.text"));
        foreach (var span in spans)
        {
            Assert.Equal("Probe", span.GetProperty("localEndpoint").GetProperty("serviceName").GetString(), ignoreCase: true);
            var start = DateTimeOffset.FromUnixTimeMilliseconds(span.GetProperty("timestamp").GetInt64() / 1000);
            Assert.InRange(start, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
            Assert.True(span.GetProperty("duration").GetInt64() >= 0);
        }
        Assert.DoesNotContain(secret, collector.Bodies);

        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static string? Tag(JsonElement span, string name) =>
        span.TryGetProperty("tags", out var tags) && tags.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>A Zipkin v2 endpoint on loopback: keeps every POSTed body.</summary>
    private sealed class ZipkinCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<string> _bodies = new();

        public ZipkinCollector()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/api/v2/spans";
                probe.Stop();
            }
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }
        public string Bodies => string.Join('\n', _bodies);

        public List<JsonElement> Spans(string traceId) =>
            _bodies.SelectMany(body => JsonDocument.Parse(body).RootElement.EnumerateArray())
                .Where(span => span.GetProperty("traceId").GetString() == traceId).ToList();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) when (!_listener.IsListening) { return; }
                using (var reader = new StreamReader(context.Request.InputStream))
                    _bodies.Enqueue(await reader.ReadToEndAsync());
                context.Response.StatusCode = 202;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
