using MassTransit;
using Npgsql;

namespace Pipeline.Sagas.Persistence;

/// <summary>
/// Lets the feature that owns a saga keep its own rows (task status, progress) in step with the saga state: they are
/// written in the saga's transaction, so they can never disagree with it, and caches are touched only once it committed.
/// Register implementations in DI (scoped or singleton) as <c>ISagaStateProjection&lt;TSaga&gt;</c>; all of them run,
/// in registration order.
/// </summary>
public interface ISagaStateProjection<in TSaga> where TSaga : class, SagaStateMachineInstance
{
    /// <summary>
    /// The statement that mirrors the instance after it was inserted, updated or deleted. The repository sends it in the
    /// same batch as the saga row's own write (one round trip), inside the saga's transaction. A finalized instance is
    /// deleted from <c>saga_instances</c> and arrives here with its final state (<c>CurrentState == "Final"</c>).
    /// The statement must return rows (<c>RETURNING ...</c>), even ones the projection ignores: result sets are how each
    /// projection finds its own answer in the shared batch.
    /// </summary>
    NpgsqlBatchCommand CreateCommand(TSaga instance);

    /// <summary>
    /// Reads what the statement returned, still inside the transaction, and returns the step to run once it committed
    /// (e.g. refreshing a Redis copy with the row just written), or null. Throwing rolls back the saga state and fails the
    /// message (it is retried); a failing after-commit step is logged and never fails the message.
    /// </summary>
    Task<Func<CancellationToken, Task>?> ReadResultAsync(NpgsqlDataReader reader, TSaga instance, CancellationToken cancellationToken);
}
