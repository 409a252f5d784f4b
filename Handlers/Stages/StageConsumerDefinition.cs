using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Stages;

/// <summary>
/// Queue name and recoverability of a stage worker, in one place for all stages: transient errors (LLM 429/5xx/timeouts,
/// PostgreSQL hiccups) retry; permanent ones (bad output after repairs, 4xx) fault at once, and the saga fails the task.
/// </summary>
public class StageConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly StageRetryOptions _retry;

    protected StageConsumerDefinition(string queue, IOptions<StageRetryOptions> retry, int? concurrency = null)
    {
        _retry = retry.Value;
        EndpointName = queue;
        ConcurrentMessageLimit = concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer,
        IRegistrationContext context)
    {
        // Outermost: when in-process retries are exhausted, try again later through the scheduler, then fault.
        var redeliveries = _retry.RedeliveryDelays;
        if (redeliveries.Length > 0)
            endpoint.UseScheduledRedelivery(r =>
            {
                r.Intervals(redeliveries);
                r.Handle<AiTransientException>();
            });
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(_retry.InProcessRetries, TimeSpan.FromMilliseconds(_retry.InProcessMinDelayMs),
                TimeSpan.FromMilliseconds(_retry.InProcessMaxDelayMs), TimeSpan.FromMilliseconds(_retry.InProcessMinDelayMs));
            r.Handle<AiTransientException>();
            r.Handle<NpgsqlException>(e => e.IsTransient);
            r.Handle<TimeoutException>();
        });
        // Innermost: a provider's Retry-After decides when the next attempt may go out.
        endpoint.UseConsumeFilter(typeof(HonourRetryAfterFilter<>), context);
    }
}
