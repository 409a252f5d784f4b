namespace Pipeline.Tests.Fast.Sagas;

/// <summary>Stand-ins for the stage consumers, bound to the real stage queues.</summary>
internal sealed class PlanningAttempts { public int Count; }

/// <summary>Fails the first attempt, then answers as the planning stage would.</summary>
internal sealed class PlanningFailsOnce(PlanningAttempts attempts) : IConsumer<PlanLearningPath>
{
    public Task Consume(ConsumeContext<PlanLearningPath> context) =>
        Interlocked.Increment(ref attempts.Count) == 1
            ? throw new TimeoutException("no answer")
            : context.Publish(new LearningPathPlanned(context.Message.TaskId, SagaInMemory.Plan, SagaInMemory.Usage(20)));
}

internal sealed class FailingGoalExtraction : IConsumer<ExtractLearningGoals>
{
    public Task Consume(ConsumeContext<ExtractLearningGoals> context) => throw new InvalidOperationException("model unavailable");
}
