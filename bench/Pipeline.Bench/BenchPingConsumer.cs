using MassTransit;

namespace Pipeline.Bench;

/// <summary>A no-op consumer: it only counts, so the rate it reaches is the bus's own cost per message.</summary>
public sealed class BenchPingConsumer(ConsumedCounter counter) : IConsumer<BenchPing>
{
    public Task Consume(ConsumeContext<BenchPing> context)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}
