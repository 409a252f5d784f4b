using MassTransit;
using Pipeline.Messages;
using Pipeline.Messages.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

public static class CoursePlanningRegistration
{
    /// <summary>Seed 001's AI request clients (plans, lessons, connection test) and the services the routes share.</summary>
    public static IBusRegistrationConfigurator AddCoursePlanning(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<CoursePlanningOptions>().BindConfiguration(CoursePlanningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddScoped<CoursePlanner>();
        bus.AddScoped<PlanningTargets>();
        bus.AddScoped<ModuleLearning.ModuleChats>();
        bus.AddRequestClient<GenerateCoursePlan>(QueueNames.Address(QueueNames.GenerateCoursePlan));
        bus.AddRequestClient<GenerateLesson>(QueueNames.Address(QueueNames.GenerateLesson));
        bus.AddRequestClient<TestAiConnection>(QueueNames.Address(QueueNames.TestAiConnection));
        return bus;
    }
}
