using MassTransit;

namespace Pipeline.Tests.Persistence;

public sealed class CounterState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public string? CurrentState { get; set; }
    public int Version { get; set; }
    public int Count { get; set; }
    public string? LastNote { get; set; }
}
