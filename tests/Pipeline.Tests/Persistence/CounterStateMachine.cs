using MassTransit;

namespace Pipeline.Tests.Persistence;

/// <summary>A saga that only counts: enough to see every write the repository makes.</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => CountedUp, e => e.CorrelateById(m => m.Message.CorrelationId));
        Event(() => Stopped, e => e.CorrelateById(m => m.Message.CorrelationId));

        Initially(
            When(CountedUp)
                .Then(Count)
                .TransitionTo(Counting));

        During(Counting,
            When(CountedUp)
                .Then(Count),
            When(Stopped)
                .Finalize());

        SetCompletedWhenFinalized();
    }

    public State Counting { get; private set; } = null!;
    public Event<CountUp> CountedUp { get; private set; } = null!;
    public Event<StopCounting> Stopped { get; private set; } = null!;

    private static void Count(BehaviorContext<CounterState, CountUp> context)
    {
        context.Saga.Count++;
        context.Saga.LastNote = context.Message.Note;
    }
}
