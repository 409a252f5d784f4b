using System.Diagnostics;
using MassTransit;

namespace Pipeline.Operations.Metrics;

/// <summary>
/// Counts every consumed message of this process (consumers and sagas): processed with its processing time and
/// critical time (envelope SentTime → processed), failed attempts, and deliveries that were retries or redeliveries.
/// </summary>
public sealed class MessageMetricsObserver(MessageMetrics metrics) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        context.GetOrAddPayload(() => new ConsumeStartedAt(Stopwatch.GetTimestamp()));
        if (context.GetRetryAttempt() > 0 || context.GetRedeliveryCount() > 0)
            metrics.For(MessageTypeName.Of(typeof(T))).Retried();
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var processing = context.TryGetPayload<ConsumeStartedAt>(out var started)
            ? Stopwatch.GetElapsedTime(started.Timestamp)
            : TimeSpan.Zero;
        TimeSpan? critical = context.SentTime is { } sent ? DateTime.UtcNow - sent : null;
        metrics.For(MessageTypeName.Of(typeof(T))).Processed(processing, critical);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        metrics.For(MessageTypeName.Of(typeof(T))).Failed();
        return Task.CompletedTask;
    }

    private sealed record ConsumeStartedAt(long Timestamp);
}
