using System.Diagnostics;
using MassTransit;

namespace Pipeline.Bench;

/// <summary>Publishes trivial messages and times them until the no-op consumer has taken every one.</summary>
public static class TrivialRate
{
    public static async Task<object> MeasureAsync(IBus bus, ConsumedCounter counter, int count)
    {
        // Warm-up: connections, topology and JIT, outside the timed run.
        var runId = Guid.NewGuid();
        const int warmUp = 200;
        counter.Expect(warmUp);
        await PublishAsync(bus, runId, warmUp);
        await counter.AllConsumed.WaitAsync(TimeSpan.FromSeconds(60));

        var clock = Stopwatch.StartNew();
        counter.Expect(warmUp + count);
        await PublishAsync(bus, runId, count);
        var published = clock.Elapsed;
        await counter.AllConsumed.WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = clock.Elapsed;
        return new
        {
            messages = count,
            seconds = Math.Round(elapsed.TotalSeconds, 3),
            publish_seconds = Math.Round(published.TotalSeconds, 3),
            messages_per_second = Math.Round(count / elapsed.TotalSeconds, 1),
        };
    }

    private static async Task PublishAsync(IBus bus, Guid runId, int count)
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
}
