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

/// <summary>
/// The one registration entry of the worker host (Program.cs calls <see cref="AddHandlers"/>), its table of contents:
/// stage consumers, sagas, the message scheduler and operations. Each feature keeps its own <c>AddX</c> in its folder;
/// the order is decided here:
/// <list type="number">
/// <item>host wiring (ServiceDefaults: telemetry, data source, RabbitMQ settings and watchdog, Redis) and the data
/// access (Domain: one store per table);</item>
/// <item>features that are not consumers (AI pipeline, Trac import, platform work) and the stage retry settings;</item>
/// <item>the bus: scheduler (client and the PostgreSQL store), operations' consumers, the saga, every consumer;</item>
/// <item>after the bus, so they stop before it: operations (heartbeat, counters, error-queue ingestion), then
/// recovery and clean-up services.</item>
/// </list>
/// Hosted services start in registration order and stop in reverse. Migrations are not a hosted service: Program.cs
/// runs them after <c>Build()</c> and before <c>Run()</c> (Domain/Database/DatabaseMigration.cs).
/// </summary>
public static class HandlersRegistration
{
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        // 1. Host wiring and data access.
        builder.AddServiceDefaults();
        builder.Services.AddPipelineData();

        // 2. Features that are not consumers.
        builder.AddPipelineAi();
        builder.AddTracImport();
        builder.AddPlatformWork();
        builder.Services.AddOptions<StageRetryOptions>().BindConfiguration(StageRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // 3. The bus.
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddPipelineScheduler();
            bus.AddPostgresMessageScheduler();
            bus.AddOperationsConsumers();
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

        // 4. After the bus: hosted services stop in reverse order, so these stop before the bus does and never publish
        // on a stopped bus (which would start it again inside a disposed host).
        builder.AddOperations("handlers", typeof(HandlersRegistration).Assembly);
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
