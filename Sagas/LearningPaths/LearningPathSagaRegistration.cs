using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Sagas.Persistence;

namespace Pipeline.Sagas.LearningPaths;

public static class LearningPathSagaRegistration
{
    /// <summary>The learning-path saga, persisted in PostgreSQL with its task row projected in the same transaction.</summary>
    public static void AddLearningPathSaga(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<LearningPathOptions>().BindConfiguration(LearningPathOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddSingleton<ISagaStateProjection<LearningPathState>, TaskStatusProjection>();
        bus.AddSingleton<LostStageTimers>();
        bus.AddSagaStateMachine<LearningPathStateMachine, LearningPathState>(typeof(LearningPathStateDefinition)).PostgresRepository();
    }
}
