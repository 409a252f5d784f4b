using MassTransit;
using Npgsql;
using Pipeline.Messages;

namespace Pipeline.Sagas.LearningPaths;

public sealed class LearningPathStateDefinition : SagaDefinition<LearningPathState>
{
    public LearningPathStateDefinition()
    {
        EndpointName = QueueNames.LearningPathSaga;
    }

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<LearningPathState> saga,
        IRegistrationContext context)
    {
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
