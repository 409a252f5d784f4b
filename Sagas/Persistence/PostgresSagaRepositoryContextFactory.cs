using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pipeline.Sagas.Persistence;

/// <summary>
/// Gives each message consumed by a saga its own transaction on <c>saga_instances</c>: the instance row stays locked
/// (<c>SELECT ... FOR UPDATE</c>) until commit, so concurrent messages for one instance apply one after another.
/// Resolved per message scope, which is why scoped projections work.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    NpgsqlDataSource dataSource,
    ISagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga> factory,
    IEnumerable<ISagaStateProjection<TSaga>> projections,
    ILogger<PostgresSagaRepositoryContextFactory<TSaga>> logger)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, SagaStateMachineInstance
{
    private readonly IReadOnlyList<ISagaStateProjection<TSaga>> _projections = projections.ToList();

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class
    {
        await using var transaction = await PostgresSagaTransaction<TSaga>.BeginAsync(dataSource, _projections, context.CancellationToken);

        await next.Send(new PostgresSagaRepositoryContext<TSaga, T>(transaction, context, factory));

        await transaction.CommitAsync();
        // Sends buffered by UseInMemoryOutbox leave only after this whole pipe returns, so after this commit too.
        await transaction.AnnounceCommittedAsync(logger);
    }

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next) where T : class =>
        throw new NotSupportedException(
            $"The PostgreSQL saga repository correlates {typeof(TSaga).Name} by CorrelationId only; correlate {typeof(T).Name} with CorrelateById.");

    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql");
}
