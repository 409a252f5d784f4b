using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Bench;

// The reference rate for the pipeline benchmark (bench.sh): publish N trivial messages on the same broker and consume
// them with a no-op consumer in this process, timing from the first publish to the last consume. Endpoint settings
// are MassTransit's defaults, like the product's stage endpoints. Prints one JSON line.
//   dotnet Pipeline.Bench.dll [--host 127.0.0.1] [--port 5672] [--vhost /] [--user guest] [--password guest] [--count 20000]
var settings = Arguments.Parse(args);
var counter = new ConsumedCounter();
var services = new ServiceCollection();
services.AddSingleton(counter);
services.AddMassTransit(bus =>
{
    bus.DisableUsageTelemetry();
    bus.AddConsumer<BenchPingConsumer>().Endpoint(e => e.Name = "bench-trivial-consumer");
    bus.UsingRabbitMq((context, rabbit) =>
    {
        rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, host =>
        {
            host.Username(settings.User);
            host.Password(settings.Password);
        });
        rabbit.ConfigureEndpoints(context);
    });
});
await using var provider = services.BuildServiceProvider();
var busControl = provider.GetRequiredService<IBusControl>();
await busControl.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
try
{
    // Warm-up: connections, topology and JIT, outside the timed run.
    var runId = Guid.NewGuid();
    const int warmUp = 200;
    counter.Expect(warmUp);
    await PublishAsync(busControl, runId, warmUp);
    await counter.AllConsumed.WaitAsync(TimeSpan.FromSeconds(60));

    var clock = Stopwatch.StartNew();
    counter.Expect(warmUp + settings.Count);
    await PublishAsync(busControl, runId, settings.Count);
    var published = clock.Elapsed;
    await counter.AllConsumed.WaitAsync(TimeSpan.FromMinutes(5));
    var elapsed = clock.Elapsed;
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        messages = settings.Count,
        seconds = Math.Round(elapsed.TotalSeconds, 3),
        publish_seconds = Math.Round(published.TotalSeconds, 3),
        messages_per_second = Math.Round(settings.Count / elapsed.TotalSeconds, 1),
    }));
}
finally
{
    await busControl.StopAsync(CancellationToken.None);
}

static async Task PublishAsync(IBus bus, Guid runId, int count)
{
    // Publishes in windows of concurrent sends, like many producers at once, without unbounded in-flight publishes.
    const int window = 1000;
    for (var start = 0; start < count; start += window)
    {
        var end = Math.Min(count, start + window);
        var sends = new Task[end - start];
        for (var i = start; i < end; i++) sends[i - start] = bus.Publish(new BenchPing(runId, i));
        await Task.WhenAll(sends);
    }
}

internal sealed record Arguments(string Host, ushort Port, string VirtualHost, string User, string Password, int Count)
{
    public static Arguments Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        return new Arguments(Value("--host", "127.0.0.1"), ushort.Parse(Value("--port", "5672"), CultureInfo.InvariantCulture),
            Value("--vhost", "/"), Value("--user", "guest"), Value("--password", "guest"),
            int.Parse(Value("--count", "20000"), CultureInfo.InvariantCulture));
    }
}
