namespace Pipeline.Tests.Fast.Sagas;

/// <summary>The learning-path saga (<see cref="LearningPathStateMachine"/>) in memory: no broker, no database.</summary>
public sealed class Generating_a_learning_path
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_generate_command_starts_the_task_at_goal_extraction_and_sends_that_stage()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();

        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 42, "Learn chess in 10 days"));

        var saga = await bus.InStateAsync(taskId, m => m.ExtractingGoals);
        Assert.Equal(TaskStatuses.Running, saga.Status);
        Assert.Equal(TaskStages.ExtractingGoals, saga.Stage);
        Assert.Equal(TaskStages.ProgressAtStart(TaskStages.ExtractingGoals), saga.Progress);
        Assert.Equal(TaskIds.PublicId(42, taskId), saga.PublicTaskId);
        Assert.Equal(1, await bus.SentCountAsync<ExtractLearningGoals>(taskId, m => m.TaskId, 1));
        Assert.Equal("Learn chess in 10 days", bus.Harness.Sent.Select<ExtractLearningGoals>().Single().Context.Message.Prompt);
    }

    [Fact]
    public async Task Each_stage_answer_moves_the_task_on_and_sends_the_next_stage_until_every_section_has_cards()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();

        await bus.Harness.Bus.Publish(new GenerateLearningPath(taskId, 7, "Learn chess in 10 days"));
        await bus.InStateAsync(taskId, m => m.ExtractingGoals);
        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));
        var planning = await bus.InStateAsync(taskId, m => m.PlanningStructure);
        Assert.Equal(TaskStages.PlanningPathStructure, planning.Stage);
        Assert.Equal(1, await bus.SentCountAsync<PlanLearningPath>(taskId, m => m.TaskId, 1));

        await bus.Harness.Bus.Publish(new LearningPathPlanned(taskId, SagaInMemory.Plan, SagaInMemory.Usage(20)));
        var saving = await bus.InStateAsync(taskId, m => m.SavingStructure);
        Assert.Equal(TaskStages.SavingStructure, saving.Stage);
        Assert.Equal(1, await bus.SentCountAsync<SaveLearningPath>(taskId, m => m.TaskId, 1));

        await bus.Harness.Bus.Publish(new LearningPathSaved(taskId, 900, SagaInMemory.Sections(1, 2)));
        var cards = await bus.InStateAsync(taskId, m => m.GeneratingCards);
        Assert.Equal(TaskStages.GeneratingCards, cards.Stage);
        Assert.Equal(2, await bus.SentCountAsync<GenerateSectionCards>(taskId, m => m.TaskId, 2));
        Assert.Equal("Chess in 10 days", cards.PathTitle);
        Assert.Null(cards.Plan);

        await bus.Harness.Bus.Publish(new SectionCardsGenerated(taskId, 1, 3, SagaInMemory.Usage(5)));
        await bus.Harness.Bus.Publish(new SectionCardsGenerated(taskId, 2, 2, SagaInMemory.Usage(5)));

        var done = await bus.InStateAsync(taskId, m => m.Completed);
        Assert.Equal(TaskStatuses.Completed, done.Status);
        Assert.Equal(TaskStages.Finished, done.Stage);
        Assert.Equal(100, done.Progress);
        Assert.Equal("Learning path ready with 5 cards in 2 sections.", done.ResultMessage);
        Assert.Equal(4, done.LlmCalls);
        Assert.Equal(40, done.PromptTokens);
        Assert.NotNull(done.EndedAt);
    }

    [Fact]
    public async Task A_saved_path_without_sections_completes_without_a_card_stage()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();

        await bus.ReachCardsAsync(taskId, 7);

        var done = await bus.InStateAsync(taskId, m => m.Completed);
        Assert.Equal(100, done.Progress);
        Assert.Equal(0, await bus.SentCountAsync<GenerateSectionCards>(taskId, m => m.TaskId, 1, Quiet));
    }

    [Fact]
    public async Task A_redelivered_card_completion_counts_once_and_progress_only_grows()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();
        await bus.ReachCardsAsync(taskId, 7, 1, 2);
        await bus.InStateAsync(taskId, m => m.GeneratingCards);

        await bus.Harness.Bus.Publish(new SectionCardsGenerated(taskId, 1, 3, SagaInMemory.Usage(5)));
        await bus.Harness.Bus.Publish(new SectionCardsGenerated(taskId, 1, 3, SagaInMemory.Usage(5)));
        await bus.Harness.Bus.Publish(new SectionCardsGenerated(taskId, 99, 3, SagaInMemory.Usage(5)));
        await bus.Harness.InactivityTask;

        var saga = await bus.InStateAsync(taskId, m => m.GeneratingCards);
        Assert.Equal(3, saga.CompletedCards);
        Assert.Single(saga.CardsBySection);
        Assert.Equal(3, saga.LlmCalls);
        var expected = Math.Round(TaskStages.CardsStartAt + (100 - TaskStages.CardsStartAt) * 3 / 6.0, 1);
        Assert.Equal(expected, saga.Progress);
    }

    [Fact]
    public async Task Events_about_an_unknown_task_create_nothing()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();

        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));
        await bus.Harness.Bus.Publish(new CancelLearningPathTask(taskId, "x"));
        await bus.Harness.Bus.Publish(new RetryLearningPathTask(taskId));
        await bus.Harness.InactivityTask;

        Assert.Null(await bus.Saga.Exists(taskId, Quiet));
    }
}
