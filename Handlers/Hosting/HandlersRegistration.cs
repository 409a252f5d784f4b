using MassTransit;
using Pipeline.ServiceDefaults;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Domain;
using Pipeline.Operations;
using Pipeline.Handlers.Exercises;
using Pipeline.Operations.FailedMessages;
using Pipeline.Handlers.Guests;
using Pipeline.Handlers.Recovery;
using Pipeline.Handlers.Platform;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Scheduling;
using Pipeline.Handlers.Stages;
using Pipeline.Handlers.Tracks;
using Pipeline.Handlers.Trac;
using Pipeline.Handlers.Analytics;
using Pipeline.Handlers.Conversations;
using Pipeline.Handlers.Voice;
using Pipeline.Handlers.Webhooks;
using Pipeline.Sagas.LearningPaths;

namespace Pipeline.Handlers.Hosting;

/// <summary>The table of contents of the worker host: stage consumers, sagas, the message scheduler and operations.</summary>
public static class HandlersRegistration
{
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.Services.AddPipelineData();
        builder.AddPipelineAi();
        builder.AddTracImport();
        builder.AddPlatformWork();
        builder.Services.AddOptions<StageRetryOptions>().BindConfiguration(StageRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddPipelineScheduler();
            bus.AddPostgresMessageScheduler();
            bus.AddPipelineOperations();
            bus.AddLearningPathSaga();
            bus.AddExerciseGrading();
            bus.AddConsumer<ExtractLearningGoalsConsumer, ExtractLearningGoalsConsumerDefinition>();
            bus.AddConsumer<PlanLearningPathConsumer, PlanLearningPathConsumerDefinition>();
            bus.AddConsumer<SaveLearningPathConsumer, SaveLearningPathConsumerDefinition>();
            bus.AddConsumer<GenerateSectionCardsConsumer, GenerateSectionCardsConsumerDefinition>();
            bus.AddPlatformConsumers();
            bus.AddWebhookDelivery();
            bus.AddAnalyticsWork();
            bus.AddConversationWorkers();
            bus.AddTrackWorkers();
            bus.AddVoiceWorkers();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigurePipelineHost(context);
                rabbit.UsePipelineScheduler();
                rabbit.ConfigureEndpoints(context);
            });
        });
        // After the bus: hosted services stop in reverse order, so these stop before the bus does and never publish
        // on a stopped bus (which would start it again inside a disposed host).
        builder.AddPipelineOperations("handlers", typeof(HandlersRegistration).Assembly);
        builder.Services.AddErrorQueueIngestion();
        builder.Services.AddOptions<RecoveryOptions>().BindConfiguration(RecoveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<UnstartedTaskResender>();
        builder.Services.AddHostedService<StageTimerWatchdog>();
        builder.Services.AddOptions<GuestAccountOptions>().BindConfiguration(GuestAccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ExpiredGuestPurger>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ExpiredGuestPurger>());
        return builder;
    }
}
