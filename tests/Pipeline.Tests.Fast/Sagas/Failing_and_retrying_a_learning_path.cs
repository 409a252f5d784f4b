namespace Pipeline.Tests.Fast.Sagas;

/// <summary>The learning-path saga (<see cref="LearningPathStateMachine"/>) in memory: no broker, no database.</summary>
public sealed class Failing_and_retrying_a_learning_path
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_stage_that_faults_fails_the_task_and_a_retry_resumes_at_that_stage()
    {
        await using var bus = await SagaInMemory.StartAsync(configure: x =>
            x.AddConsumer<FailingGoalExtraction>().Endpoint(e => e.Name = QueueNames.ExtractLearningGoals));
        var taskId = NewId.NextGuid();

        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));

        var failed = await bus.InStateAsync(taskId, m => m.Failed);
        Assert.Equal(TaskStatuses.Failed, failed.Status);
        Assert.Equal(TaskStages.ExtractingGoals, failed.FailedStage);
        Assert.Equal("InvalidOperationException: model unavailable", failed.ErrorDetails);
        Assert.Equal("Task failed during extracting goals.", failed.ResultMessage);

        await bus.Harness.Bus.Publish(new RetryLearningPathTask(taskId));

        // The stage is sent again; the fake fails again, so the task ends failed at the same stage.
        Assert.Equal(2, await bus.SentCountAsync<ExtractLearningGoals>(taskId, m => m.TaskId, 2));
        await bus.Harness.InactivityTask;
        var again = await bus.InStateAsync(taskId, m => m.Failed);
        Assert.Equal(TaskStages.ExtractingGoals, again.FailedStage);
    }

    [Fact]
    public async Task A_prompt_without_a_learning_goal_fails_the_task_for_the_user_without_a_fault()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();
        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "asdfgh qwrtzp"));
        await bus.InStateAsync(taskId, m => m.ExtractingGoals);

        await bus.Harness.Bus.Publish(new LearningGoalsNotFound(taskId, "Failed to parse learning goals from prompt: asdfgh qwrtzp", SagaInMemory.Usage(10)));

        var failed = await bus.InStateAsync(taskId, m => m.Failed);
        Assert.Equal(TaskStatuses.Failed, failed.Status);
        Assert.Equal(TaskStages.ExtractingGoals, failed.FailedStage);
        Assert.Equal("Failed to parse learning goals from prompt: asdfgh qwrtzp", failed.ErrorDetails);
        Assert.Equal(LearningPathTransitions.NoLearningGoalMessage, failed.ResultMessage);
        Assert.Equal(1, failed.LlmCalls);
    }

    [Fact]
    public async Task A_fault_while_planning_fails_the_task_and_a_retry_resends_only_that_stage()
    {
        await using var bus = await SagaInMemory.StartAsync(configure: x =>
        {
            x.AddSingleton<PlanningAttempts>();
            x.AddConsumer<PlanningFailsOnce>().Endpoint(e => e.Name = QueueNames.PlanLearningPath);
        });
        var taskId = NewId.NextGuid();
        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));
        await bus.InStateAsync(taskId, m => m.ExtractingGoals);
        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));

        var failed = await bus.InStateAsync(taskId, m => m.Failed);
        Assert.Equal(TaskStages.PlanningPathStructure, failed.FailedStage);
        Assert.Equal("TimeoutException: no answer", failed.ErrorDetails);

        await bus.Harness.Bus.Publish(new RetryLearningPathTask(taskId));

        var saving = await bus.InStateAsync(taskId, m => m.SavingStructure);
        Assert.Equal(TaskStatuses.Running, saving.Status);
        Assert.Null(saving.ErrorDetails);
        Assert.Null(saving.EndedAt);
        Assert.Equal(2, await bus.SentCountAsync<PlanLearningPath>(taskId, m => m.TaskId, 2));
        Assert.Equal(1, await bus.SentCountAsync<ExtractLearningGoals>(taskId, m => m.TaskId, 1, Quiet));
    }

    [Fact]
    public async Task A_stage_completion_replayed_after_a_failure_resumes_the_task()
    {
        await using var bus = await SagaInMemory.StartAsync(configure: x =>
            x.AddConsumer<FailingGoalExtraction>().Endpoint(e => e.Name = QueueNames.ExtractLearningGoals));
        var taskId = NewId.NextGuid();
        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));
        await bus.InStateAsync(taskId, m => m.Failed);

        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));

        var planning = await bus.InStateAsync(taskId, m => m.PlanningStructure);
        Assert.Equal(TaskStatuses.Running, planning.Status);
    }

    [Fact]
    public async Task A_late_fault_of_the_failed_run_does_not_fail_the_retry()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();
        await bus.ReachCardsAsync(taskId, 7, 1, 2);
        await bus.InStateAsync(taskId, m => m.GeneratingCards);

        await bus.Harness.Bus.Publish<Fault<GenerateSectionCards>>(new { Message = SectionCards(taskId, 1, attempt: 0), Exceptions = Array.Empty<ExceptionInfo>() });
        var failed = await bus.InStateAsync(taskId, m => m.Failed);
        Assert.Equal(0, failed.Attempt);

        await bus.Harness.Bus.Publish(new RetryLearningPathTask(taskId));
        var retried = await bus.InStateAsync(taskId, m => m.GeneratingCards);
        Assert.Equal(1, retried.Attempt);
        Assert.True(await bus.SentCountAsync<GenerateSectionCards>(taskId, m => m.TaskId, 4) >= 4);

        // Section 2's command of the first run faults only now, after the retry: not this run's failure.
        await bus.Harness.Bus.Publish<Fault<GenerateSectionCards>>(new { Message = SectionCards(taskId, 2, attempt: 0), Exceptions = Array.Empty<ExceptionInfo>() });
        await bus.Harness.InactivityTask;
        Assert.Equal(TaskStatuses.Running, (await bus.InStateAsync(taskId, m => m.GeneratingCards)).Status);

        // A fault of the current run still fails it.
        await bus.Harness.Bus.Publish<Fault<GenerateSectionCards>>(new { Message = SectionCards(taskId, 2, attempt: 1), Exceptions = Array.Empty<ExceptionInfo>() });
        Assert.Equal(TaskStatuses.Failed, (await bus.InStateAsync(taskId, m => m.Failed)).Status);
    }

    private static GenerateSectionCards SectionCards(Guid taskId, long sectionId, int attempt) =>
        new(taskId, 900, sectionId, "Chess in 10 days", "Openings", $"Section {sectionId}", ["e4"], "beginner", 5, attempt);
}
