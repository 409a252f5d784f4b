namespace Pipeline.Tests.Fast.Sagas;

/// <summary>The learning-path saga (<see cref="LearningPathStateMachine"/>) in memory: no broker, no database.</summary>
public sealed class Answering_a_waiting_caller
{
    [Fact]
    public async Task A_waiting_caller_hears_when_the_structure_is_saved()
    {
        await using var bus = await SagaInMemory.StartAsync();
        var taskId = NewId.NextGuid();
        var client = bus.Harness.GetRequestClient<GenerateLearningPath>();

        var response = client.GetResponse<LearningPathStructureReady, LearningPathGenerationFailed>(new GenerateLearningPath(taskId, 7, "Learn chess"));
        await bus.InStateAsync(taskId, m => m.ExtractingGoals);
        await bus.Harness.Bus.Publish(new LearningGoalsExtracted(taskId, SagaInMemory.Goals, SagaInMemory.Usage(10)));
        await bus.InStateAsync(taskId, m => m.PlanningStructure);
        await bus.Harness.Bus.Publish(new LearningPathPlanned(taskId, SagaInMemory.Plan, SagaInMemory.Usage(20)));
        await bus.InStateAsync(taskId, m => m.SavingStructure);
        await bus.Harness.Bus.Publish(new LearningPathSaved(taskId, 900, SagaInMemory.Sections(1)));

        var answer = await response;
        Assert.True(answer.Is(out Response<LearningPathStructureReady>? ready));
        Assert.Equal(900, ready!.Message.LearningPathId);
        var saga = await bus.InStateAsync(taskId, m => m.GeneratingCards);
        Assert.Null(saga.RequestId);
    }

    [Fact]
    public async Task A_waiting_caller_hears_at_once_when_a_stage_fails()
    {
        await using var bus = await SagaInMemory.StartAsync(configure: x =>
            x.AddConsumer<FailingGoalExtraction>().Endpoint(e => e.Name = QueueNames.ExtractLearningGoals));
        var client = bus.Harness.GetRequestClient<GenerateLearningPath>();
        var taskId = NewId.NextGuid();

        var answer = await client.GetResponse<LearningPathStructureReady, LearningPathGenerationFailed>(new GenerateLearningPath(taskId, 7, "Learn chess"));

        Assert.True(answer.Is(out Response<LearningPathGenerationFailed>? failed));
        Assert.Equal(TaskStages.ExtractingGoals, failed!.Message.Stage);
        Assert.Equal("InvalidOperationException: model unavailable", failed.Message.Reason);
    }
}
