using MassTransit;

namespace Pipeline.Sagas.Persistence;

/// <summary>
/// Another transaction stored an instance with this correlation id first (e.g. one of another saga type). Retry
/// policies treat it like any <see cref="SagaException"/>: on the retry the message loads the stored instance.
/// </summary>
public sealed class SagaInstanceAlreadyExistsException(Type sagaType, Guid correlationId, Exception innerException)
    : SagaException("A saga instance with this correlation id already exists", sagaType, correlationId, innerException);
