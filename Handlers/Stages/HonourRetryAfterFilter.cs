using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Stages;

/// <summary>
/// Makes retries respect a provider's Retry-After (429): a short wait is taken here before the exception reaches the
/// retry policy, so the next attempt goes out when the provider allows it; a long wait frees the worker and brings the
/// message back through the scheduler, as one of its redeliveries.
/// </summary>
public sealed class HonourRetryAfterFilter<T>(IOptions<StageRetryOptions> options) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (AiTransientException e) when (e.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            var retry = options.Value;
            if (wait <= TimeSpan.FromSeconds(retry.MaxInlineRetryAfterSeconds))
            {
                await Task.Delay(wait, context.CancellationToken);
                throw;
            }
            if (context.GetRedeliveryCount() >= retry.RedeliveryDelays.Length)
                throw;
            await context.Redeliver(wait);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("honourRetryAfter");
}
