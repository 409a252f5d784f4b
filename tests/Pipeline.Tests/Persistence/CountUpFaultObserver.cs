using MassTransit;

namespace Pipeline.Tests.Persistence;

/// <summary>Notices when a <see cref="CountUp"/> gave up after its retries.</summary>
public sealed class CountUpFaultObserver(ProjectionLog log) : IConsumer<Fault<CountUp>>
{
    public Task Consume(ConsumeContext<Fault<CountUp>> context)
    {
        log.Faults.Enqueue(context.Message.Message.CorrelationId);
        return Task.CompletedTask;
    }
}
