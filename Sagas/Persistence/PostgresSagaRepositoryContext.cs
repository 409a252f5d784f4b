using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace Pipeline.Sagas.Persistence;

/// <summary>What MassTransit's saga pipe asks of the repository while one message is consumed, answered inside that message's transaction.</summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, SagaStateMachineInstance
    where TMessage : class
{
    private readonly ConsumeContext<TMessage> _consumeContext;
    private readonly PostgresSagaTransaction<TSaga> _transaction;
    private readonly ISagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga> _factory;

    public PostgresSagaRepositoryContext(PostgresSagaTransaction<TSaga> transaction, ConsumeContext<TMessage> consumeContext,
        ISagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga> factory)
        : base(consumeContext, transaction) // the transaction travels as a payload, for code that must join it
    {
        _consumeContext = consumeContext;
        _transaction = transaction;
        _factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_transaction, consumeContext, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_transaction, _consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // Returning null makes MassTransit load the existing instance instead.
        if (!await _transaction.TryInsertAsync(instance))
            return null!;
        return await _factory.CreateSagaConsumeContext(_transaction, _consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await _transaction.LoadAsync(correlationId);
        if (instance is null)
            return null!;
        return await _factory.CreateSagaConsumeContext(_transaction, _consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> context) => _transaction.InsertAsync(context.Saga);

    public Task Update(SagaConsumeContext<TSaga> context) => _transaction.UpdateAsync(context.Saga);

    public Task Delete(SagaConsumeContext<TSaga> context) => _transaction.DeleteAsync(context.Saga);

    // Also called when the message failed; the transaction is rolled back then, so there is nothing to undo.
    public Task Discard(SagaConsumeContext<TSaga> context) =>
        context.IsCompleted ? _transaction.ProjectFinalizedWithoutStoringAsync(context.Saga) : Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;
}
