using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Bench;

// The bus's own costs on the same broker, for bench.sh to compare the pipeline against (endpoint settings are
// MassTransit's defaults, like the product's stage endpoints). Prints one JSON line.
//   --mode rate   publish --count trivial messages to a no-op consumer: the reference message rate (benchmark 2)
//   --mode chain  --count sequential chains of --hops sends each: the bus's latency for the hops of the time to
//                 structure, without any database or work (benchmark 4's floor)
//   --mode storage  --count sequential round trips each to PostgreSQL (--postgres connection string) and Redis (--redis)
//                 with the product's client libraries: the storage part of benchmark 4's floor (no bus needed)
//   common: [--host 127.0.0.1] [--port 5672] [--vhost /] [--user $RabbitMq__Username] [--password $RabbitMq__Password]
var settings = BenchArguments.Parse(args);
if (settings.Mode is not ("rate" or "chain" or "storage") || (settings.Mode == "storage" && settings.Postgres.Length == 0))
{
    Console.Error.WriteLine("usage: --mode rate|chain|storage (storage needs --postgres <connection string>)");
    return 2;
}
if (settings.Mode == "storage")
{
    Console.WriteLine(JsonSerializer.Serialize(await StoreRoundTrips.MeasureAsync(settings.Postgres, settings.Redis, settings.Count)));
    return 0;
}
var services = new ServiceCollection();
services.AddSingleton<ConsumedCounter>();
services.AddSingleton<ChainWaits>();
services.AddMassTransit(bus =>
{
    bus.DisableUsageTelemetry();
    // Only the consumer being measured, so the reference rate's CPU carries no other endpoint.
    if (settings.Mode == "chain")
        bus.AddConsumer<ChainHopConsumer>().Endpoint(e => e.Name = "bench-chain-hop");
    else
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
    object result = settings.Mode == "chain"
        ? await ChainLatency.MeasureAsync(busControl, provider.GetRequiredService<ChainWaits>(), settings.Count, settings.Hops)
        : await TrivialRate.MeasureAsync(busControl, provider.GetRequiredService<ConsumedCounter>(), settings.Count);
    Console.WriteLine(JsonSerializer.Serialize(result));
}
finally
{
    await busControl.StopAsync(CancellationToken.None);
}
return 0;
