using MassTransit;
using Pipeline.Domain.Hosting;
using Pipeline.Domain.Messaging;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Scheduling;
using Pipeline.Handlers.Stages;
using Pipeline.Sagas.LearningPaths;

namespace Pipeline.Handlers.Hosting;

/// <summary>The table of contents of the worker host: stage consumers, sagas and the message scheduler.</summary>
public static class HandlersRegistration
{
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineAi();
        builder.Services.AddOptions<StageRetryOptions>().BindConfiguration(StageRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddPipelineScheduler();
            bus.AddPostgresMessageScheduler();
            bus.AddLearningPathSaga();
            bus.AddConsumer<ExtractLearningGoalsConsumer, ExtractLearningGoalsConsumerDefinition>();
            bus.AddConsumer<PlanLearningPathConsumer, PlanLearningPathConsumerDefinition>();
            bus.AddConsumer<SaveLearningPathConsumer, SaveLearningPathConsumerDefinition>();
            bus.AddConsumer<GenerateSectionCardsConsumer, GenerateSectionCardsConsumerDefinition>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigurePipelineHost(context);
                rabbit.UsePipelineScheduler();
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
