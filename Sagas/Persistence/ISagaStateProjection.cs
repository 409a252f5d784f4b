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
    /// Called inside the saga's transaction once per message after the instance was inserted, updated or deleted.
    /// A finalized instance is deleted from <c>saga_instances</c> and arrives here with its final state
    /// (<c>CurrentState == "Final"</c>). Throwing rolls back the saga state and fails the message (it is retried).
    /// </summary>
    Task ProjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TSaga instance, CancellationToken cancellationToken);

    /// <summary>Called after the transaction committed (e.g. to update a Redis cache). Failures are logged, never fail the message.</summary>
    Task AfterCommitAsync(TSaga instance, CancellationToken cancellationToken);
}
