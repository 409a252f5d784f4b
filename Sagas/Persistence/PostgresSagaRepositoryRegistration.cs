using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;

namespace Pipeline.Sagas.Persistence;

public static class PostgresSagaRepositoryRegistration
{
    /// <summary>
    /// Keeps the saga's instances in PostgreSQL (<c>saga_instances</c>), on the <c>NpgsqlDataSource</c> registered by
    /// <c>AddServiceDefaults</c>: <c>bus.AddSagaStateMachine&lt;MyStateMachine, MyState&gt;(typeof(MyDefinition)).PostgresRepository();</c>
    /// Correlate every event by <c>CorrelationId</c>; query correlation is not supported.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, SagaStateMachineInstance
    {
        configurator.Repository(repository =>
        {
            repository.RegisterLoadSagaRepository<TSaga, PostgresSagaLoadRepositoryContextFactory<TSaga>>();
            repository.RegisterSagaRepository<TSaga, PostgresSagaTransaction<TSaga>,
                SagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga>, PostgresSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }
}
