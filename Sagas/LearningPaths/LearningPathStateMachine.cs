using System.Linq.Expressions;
using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tasks;
using Pipeline.Messages.LearningPaths;
using Pipeline.Messages.Stages;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// The order of the learning-path pipeline: extract goals → plan structure → save structure → generate cards.
/// A stage's completion event is also accepted while the task is failed or timed out at that stage, so a failed
/// message replayed by operations resumes the task. Late or duplicate events are ignored.
/// </summary>
public sealed class LearningPathStateMachine : MassTransitStateMachine<LearningPathState>
{
    public LearningPathStateMachine(IOptions<LearningPathOptions> options)
    {
        var settings = options.Value;
        InstanceState(x => x.CurrentState);
        OnUnhandledEvent(context => context.Ignore());

        Event(() => GenerateRequested, e => e.CorrelateById(c => c.Message.TaskId));
        ByTask(() => CancelRequested, c => c.Message.TaskId);
        ByTask(() => RetryRequested, c => c.Message.TaskId);
        ByTask(() => GoalsExtracted, c => c.Message.TaskId);
        ByTask(() => NoGoalsFound, c => c.Message.TaskId);
        ByTask(() => PathPlanned, c => c.Message.TaskId);
        ByTask(() => PathSaved, c => c.Message.TaskId);
        ByTask(() => CardsGenerated, c => c.Message.TaskId);
        ByTask(() => ExtractionFaulted, c => c.Message.Message.TaskId);
        ByTask(() => PlanningFaulted, c => c.Message.Message.TaskId);
        ByTask(() => SavingFaulted, c => c.Message.Message.TaskId);
        ByTask(() => CardsFaulted, c => c.Message.Message.TaskId);
        Schedule(() => StageTimeout, x => x.StageTimeoutTokenId, s =>
        {
            s.Delay = settings.StageTimeout;
            s.Received = r => { r.CorrelateById(c => c.Message.TaskId); r.OnMissingInstance(m => m.Discard()); };
        });

        Initially(
            When(GenerateRequested)
                .Then(context => context.Saga.Begin(context.Message, context.RequestId, context.ResponseAddress, settings.CardsPerSection))
                .ThenAsync(StageCommands.SendAsync)
                .Schedule(StageTimeout, StageTimedOut)
                .TransitionTo(ExtractingGoals));

        During(ExtractingGoals, Failed, TimedOut,
            When(GoalsExtracted, context => context.Saga.Stage == TaskStages.ExtractingGoals)
                .Then(context => context.Saga.GoalsExtracted(context.Message))
                .ThenAsync(StageCommands.SendAsync)
                .TransitionTo(PlanningStructure));

        During(PlanningStructure, Failed, TimedOut,
            When(PathPlanned, context => context.Saga.Stage == TaskStages.PlanningPathStructure)
                .Then(context => context.Saga.PathPlanned(context.Message))
                .ThenAsync(StageCommands.SendAsync)
                .TransitionTo(SavingStructure));

        During(SavingStructure, Failed, TimedOut,
            When(PathSaved, context => context.Saga.Stage == TaskStages.SavingStructure)
                .Then(context => context.Saga.PathSaved(context.Message))
                .ThenAsync(context => WaitingCaller.AnswerAsync(context, new LearningPathStructureReady(context.Saga.CorrelationId, context.Message.LearningPathId)))
                .IfElse(context => context.Saga.AllSectionsHaveCards,
                    done => done.Then(context => context.Saga.Complete()).TransitionTo(Completed),
                    cards => cards.ThenAsync(StageCommands.SendAsync).TransitionTo(GeneratingCards)));

        During(GeneratingCards, Failed, TimedOut,
            When(CardsGenerated, context => context.Saga.Stage == TaskStages.GeneratingCards)
                .Then(context => context.Saga.SectionCardsGenerated(context.Message))
                .If(context => context.Saga.AllSectionsHaveCards,
                    done => done.Then(context => context.Saga.Complete()).TransitionTo(Completed)));

        // A prompt with no learning goal is a final user error: the task fails with a message for the user, the waiting
        // caller gets seed 000's 500, and nothing reached an error queue.
        During(ExtractingGoals,
            When(NoGoalsFound, context => context.Saga.Stage == TaskStages.ExtractingGoals)
                .Then(context => context.Saga.FailForUserInput(context.Message))
                .ThenAsync(AnswerFailureAsync)
                .TransitionTo(Failed));

        // A stage's fault fails the task only if it belongs to the current run: a retry re-sends the stage while commands
        // of the failed run (other sections, re-sends after a stage timeout) may still fault, and must not fail the retry.
        During(ExtractingGoals,
            When(ExtractionFaulted, context => context.Message.Message.Attempt == context.Saga.Attempt)
                .Then(context => context.Saga.Fail(FaultDescription.Of(context.Message))).ThenAsync(AnswerFailureAsync).TransitionTo(Failed));
        During(PlanningStructure,
            When(PlanningFaulted, context => context.Message.Message.Attempt == context.Saga.Attempt)
                .Then(context => context.Saga.Fail(FaultDescription.Of(context.Message))).ThenAsync(AnswerFailureAsync).TransitionTo(Failed));
        During(SavingStructure,
            When(SavingFaulted, context => context.Message.Message.Attempt == context.Saga.Attempt)
                .Then(context => context.Saga.Fail(FaultDescription.Of(context.Message))).ThenAsync(AnswerFailureAsync).TransitionTo(Failed));
        During(GeneratingCards,
            When(CardsFaulted, context => context.Message.Message.Attempt == context.Saga.Attempt)
                .Then(context => context.Saga.Fail(FaultDescription.Of(context.Message))).TransitionTo(Failed));

        // One timer per task, not one per stage: when it fires, a task that moved on since is simply given the rest of
        // its time. That saves a schedule and a cancel message on every transition.
        During(ExtractingGoals, PlanningStructure, SavingStructure, GeneratingCards,
            When(StageTimeout.Received, context => context.Saga.TimeWithoutProgress() < settings.StageTimeout)
                .Schedule(StageTimeout, StageTimedOut, context => settings.StageTimeout - context.Saga.TimeWithoutProgress()),
            When(StageTimeout.Received, context => context.Saga.TimeWithoutProgress() >= settings.StageTimeout)
                .IfElse(context => context.Saga.StageResends < settings.MaxStageResends,
                    resend => resend.Then(context => context.Saga.StageResent()).ThenAsync(StageCommands.SendAsync).Schedule(StageTimeout, StageTimedOut),
                    giveUp => giveUp.Then(context => context.Saga.TimeOut(settings.StageTimeout)).ThenAsync(AnswerFailureAsync).TransitionTo(TimedOut)));

        During([ExtractingGoals, PlanningStructure, SavingStructure, GeneratingCards, Failed, TimedOut],
            When(CancelRequested)
                .Then(context => context.Saga.Cancel(context.Message.Reason))
                .ThenAsync(AnswerFailureAsync)
                .TransitionTo(Canceled));

        During(Failed, TimedOut,
            When(RetryRequested)
                .Then(context => context.Saga.Resume())
                .ThenAsync(StageCommands.SendAsync)
                .Schedule(StageTimeout, StageTimedOut)
                .If(context => context.Saga.Stage == TaskStages.ExtractingGoals, b => b.TransitionTo(ExtractingGoals))
                .If(context => context.Saga.Stage == TaskStages.PlanningPathStructure, b => b.TransitionTo(PlanningStructure))
                .If(context => context.Saga.Stage == TaskStages.SavingStructure, b => b.TransitionTo(SavingStructure))
                .If(context => context.Saga.Stage == TaskStages.GeneratingCards, b => b.TransitionTo(GeneratingCards)));
    }

    public State ExtractingGoals { get; private set; } = null!;
    public State PlanningStructure { get; private set; } = null!;
    public State SavingStructure { get; private set; } = null!;
    public State GeneratingCards { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;
    public State Canceled { get; private set; } = null!;

    public Event<GenerateLearningPath> GenerateRequested { get; private set; } = null!;
    public Event<CancelLearningPathTask> CancelRequested { get; private set; } = null!;
    public Event<RetryLearningPathTask> RetryRequested { get; private set; } = null!;
    public Event<LearningGoalsExtracted> GoalsExtracted { get; private set; } = null!;
    public Event<LearningGoalsNotFound> NoGoalsFound { get; private set; } = null!;
    public Event<LearningPathPlanned> PathPlanned { get; private set; } = null!;
    public Event<LearningPathSaved> PathSaved { get; private set; } = null!;
    public Event<SectionCardsGenerated> CardsGenerated { get; private set; } = null!;
    public Event<Fault<ExtractLearningGoals>> ExtractionFaulted { get; private set; } = null!;
    public Event<Fault<PlanLearningPath>> PlanningFaulted { get; private set; } = null!;
    public Event<Fault<SaveLearningPath>> SavingFaulted { get; private set; } = null!;
    public Event<Fault<GenerateSectionCards>> CardsFaulted { get; private set; } = null!;
    public Schedule<LearningPathState, StageTimedOut> StageTimeout { get; private set; } = null!;

    // Only GenerateLearningPath creates a task; anything else about an unknown task is dropped.
    private void ByTask<T>(Expression<Func<Event<T>>> @event, Func<ConsumeContext<T>, Guid> taskId) where T : class =>
        Event(@event, e =>
        {
            e.CorrelateById(taskId);
            e.OnMissingInstance(m => m.Discard());
        });

    private static StageTimedOut StageTimedOut<T>(BehaviorContext<LearningPathState, T> context) where T : class =>
        new(context.Saga.CorrelationId);

    // Before the structure is saved a caller may be waiting synchronously; it must hear about a failure at once.
    private static Task AnswerFailureAsync<T>(BehaviorContext<LearningPathState, T> context) where T : class =>
        WaitingCaller.AnswerAsync(context, new LearningPathGenerationFailed(context.Saga.CorrelationId, context.Saga.Stage, context.Saga.ErrorDetails ?? context.Saga.ResultMessage ?? "failed"));
}
