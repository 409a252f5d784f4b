using MassTransit;

namespace Pipeline.Tests.Scheduling;

/// <summary>A saga that waits with a timeout, the way pipeline stages do, through the PostgreSQL scheduler.</summary>
public sealed class WaitingStateMachine : MassTransitStateMachine<WaitingState>
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1.5);

    public WaitingStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.CorrelateById(m => m.Message.CorrelationId));
        Event(() => StopRequested, e => e.CorrelateById(m => m.Message.CorrelationId));
        Schedule(() => WaitTimeout, x => x.WaitTimeoutTokenId, s =>
        {
            s.Delay = Delay;
            s.Received = r => r.CorrelateById(m => m.Message.CorrelationId);
        });

        Initially(
            When(Started)
                .Schedule(WaitTimeout, context => new WaitTimedOut(context.Saga.CorrelationId))
                .TransitionTo(Waiting));

        During(Waiting,
            When(WaitTimeout.Received)
                .TransitionTo(TimedOut),
            When(StopRequested)
                .Unschedule(WaitTimeout)
                .TransitionTo(Stopped));

        During(Stopped,
            When(WaitTimeout.AnyReceived)
                .Then(context => context.Saga.LateTimeouts++));
    }

    public State Waiting { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;
    public State Stopped { get; private set; } = null!;
    public Event<StartWaiting> Started { get; private set; } = null!;
    public Event<StopWaiting> StopRequested { get; private set; } = null!;
    public Schedule<WaitingState, WaitTimedOut> WaitTimeout { get; private set; } = null!;
}
