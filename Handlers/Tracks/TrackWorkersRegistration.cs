using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pipeline.Handlers.Ai;
using Pipeline.Messages;

namespace Pipeline.Handlers.Tracks;

public static class TrackWorkersRegistration
{
    /// <summary>Seed 001's AI workers: course plans, lessons and the provider connection test, each on its own queue.</summary>
    public static IBusRegistrationConfigurator AddTrackWorkers(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton(services => new LearningContentGenerator(services.GetRequiredService<ConcurrencyLimitingChatClient>(),
            services.GetRequiredService<IOptions<AiOptions>>(), services.GetRequiredService<ILogger<LearningContentGenerator>>()));
        bus.AddConsumer<GenerateCoursePlanConsumer>(RetryTransient).Endpoint(e => e.Name = QueueNames.GenerateCoursePlan);
        bus.AddConsumer<GenerateLessonConsumer>(RetryTransient).Endpoint(e => e.Name = QueueNames.GenerateLesson);
        bus.AddConsumer<TestAiConnectionConsumer>().Endpoint(e => e.Name = QueueNames.TestAiConnection);
        return bus;
    }

    private static void RetryTransient<T>(IRegistrationContext context, IConsumerConfigurator<T> consumer) where T : class =>
        consumer.UseMessageRetry(r =>
        {
            r.Intervals(200, 1000, 3000);
            r.Handle<AiTransientException>();
            r.Handle<HttpRequestException>();
            r.Handle<NpgsqlException>(e => e.IsTransient);
        });
}
