namespace Pipeline.Tests.Fast.Sagas;

/// <summary>The learning-path saga (<see cref="LearningPathStateMachine"/>) in memory: no broker, no database.</summary>
public sealed class Timing_out_a_learning_path
{
    [Fact]
    public async Task A_stage_without_progress_is_resent_then_the_task_times_out_and_a_retry_resumes_it()
    {
        await using var bus = await SagaInMemory.StartAsync(new LearningPathOptions { StageTimeoutSeconds = 1, MaxStageResends = 1 });
        var taskId = NewId.NextGuid();

        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));

        Assert.Equal(2, await bus.SentCountAsync<ExtractLearningGoals>(taskId, m => m.TaskId, 2));
        var timedOut = await bus.InStateAsync(taskId, m => m.TimedOut);
        Assert.Equal(TaskStatuses.Timeout, timedOut.Status);
        Assert.Equal(TaskStages.ExtractingGoals, timedOut.FailedStage);
        Assert.Equal("Stage extracting_goals made no progress for 1s after 1 re-sends.", timedOut.ResultMessage);

        await bus.Harness.Bus.Publish(new RetryLearningPathTask(taskId));
        Assert.Equal(3, await bus.SentCountAsync<ExtractLearningGoals>(taskId, m => m.TaskId, 3));
        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));
        await bus.InStateAsync(taskId, m => m.PlanningStructure);
    }

    [Fact]
    public async Task A_task_that_keeps_progressing_does_not_time_out()
    {
        await using var bus = await SagaInMemory.StartAsync(new LearningPathOptions { StageTimeoutSeconds = 1, MaxStageResends = 0 });
        var taskId = NewId.NextGuid();
        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));
        await bus.InStateAsync(taskId, m => m.ExtractingGoals);
        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));
        await bus.InStateAsync(taskId, m => m.PlanningStructure);
        await bus.Harness.Bus.Publish(new LearningPathPlanned(taskId, SagaInMemory.Plan, SagaInMemory.Usage(20)));
        await bus.InStateAsync(taskId, m => m.SavingStructure);
        await bus.Harness.Bus.Publish(new LearningPathSaved(taskId, 900, SagaInMemory.Sections(1)));
        await bus.Harness.Bus.Publish(new SectionCardsGenerated(taskId, 1, 3, SagaInMemory.Usage(5)));

        await bus.InStateAsync(taskId, m => m.Completed);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(nameof(LearningPathStateMachine.Completed), bus.Saga.Sagas.Contains(taskId).CurrentState);
    }
}
