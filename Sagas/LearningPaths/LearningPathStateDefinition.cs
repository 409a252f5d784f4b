using MassTransit;
using Npgsql;
using Pipeline.Messages;

namespace Pipeline.Sagas.LearningPaths;

public sealed class LearningPathStateDefinition : SagaDefinition<LearningPathState>
{
    public LearningPathStateDefinition()
    {
        EndpointName = QueueNames.LearningPathSaga;
        // MassTransit's default (16 at once, prefetch 16) let a burst of card completions for a few tasks, which wait on
        // their task's row lock, hold every slot while other tasks' messages queued up: bench.sh measured the saga
        // queue as the pipeline's bottleneck. A lock wait costs a pooled connection, not a thread.
        ConcurrentMessageLimit = ConcurrentMessages;
    }

    public const int ConcurrentMessages = 32;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<LearningPathState> saga,
        IRegistrationContext context)
    {
        endpoint.PrefetchCount = ConcurrentMessages * 2;
        // Contention on one task's row, a race to create it, a dropped connection: all pass on a second try.
        endpoint.UseMessageRetry(r =>
        {
            r.Intervals(50, 200, 500, 1000, 2000);
            r.Handle<NpgsqlException>();
            r.Handle<TimeoutException>();
            r.Handle<SagaException>();
        });
        // Stage commands and answers leave only after the saga row (and the task row with it) committed.
        endpoint.UseInMemoryOutbox(context);
    }
}
