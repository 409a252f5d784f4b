namespace Pipeline.Tests.Fast.Sagas;

/// <summary>The learning-path saga (<see cref="LearningPathStateMachine"/>) in memory: no broker, no database.</summary>
public sealed class Cancelling_a_learning_path
{
    [Fact]
    public async Task Cancelling_a_running_task_ends_it_and_later_stage_answers_are_ignored()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();
        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));
        await bus.InStateAsync(taskId, m => m.ExtractingGoals);

        await bus.Harness.Bus.Publish(new CancelLearningPathTask(taskId, "changed my mind"));
        var canceled = await bus.InStateAsync(taskId, m => m.Canceled);
        Assert.Equal(TaskStatuses.Canceled, canceled.Status);
        Assert.Equal("Canceled: changed my mind", canceled.ResultMessage);

        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));
        await bus.Harness.Bus.Publish(new RetryLearningPathTask(taskId));
        await bus.Harness.InactivityTask;

        Assert.Equal(nameof(LearningPathStateMachine.Canceled), bus.Saga.Sagas.Contains(taskId).CurrentState);
        Assert.Equal(0, await bus.SentCountAsync<PlanLearningPath>(taskId, m => m.TaskId, 1, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Cancelling_a_failed_task_cancels_it()
    {
        await using var bus = await SagaInMemory.StartAsync(configure: x =>
            x.AddConsumer<FailingGoalExtraction>().Endpoint(e => e.Name = QueueNames.ExtractLearningGoals));
        var taskId = NewId.NextGuid();
        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));
        await bus.InStateAsync(taskId, m => m.Failed);

        await bus.Harness.Bus.Publish(new CancelLearningPathTask(taskId, ""));

        var canceled = await bus.InStateAsync(taskId, m => m.Canceled);
        Assert.Equal("Canceled.", canceled.ResultMessage);
    }
}
