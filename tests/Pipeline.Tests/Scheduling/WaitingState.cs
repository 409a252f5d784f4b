using MassTransit;

namespace Pipeline.Tests.Scheduling;

public sealed class WaitingState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public string? CurrentState { get; set; }
    public int Version { get; set; }
    public Guid? WaitTimeoutTokenId { get; set; }
    /// <summary>Timeouts that still arrived after the wait was stopped (unscheduling should make this impossible).</summary>
    public int LateTimeouts { get; set; }
}
