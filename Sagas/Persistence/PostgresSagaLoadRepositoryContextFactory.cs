using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace Pipeline.Sagas.Persistence;

/// <summary>Backs <see cref="ILoadSagaRepository{TSaga}"/>: load by correlation id, outside any message.</summary>
public sealed class PostgresSagaLoadRepositoryContextFactory<TSaga>(NpgsqlDataSource dataSource) : ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, SagaStateMachineInstance
{
    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default) where T : class =>
        asyncMethod(new PostgresSagaLoadContext<TSaga>(dataSource, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql");
}
