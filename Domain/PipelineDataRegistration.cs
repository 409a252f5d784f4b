using Microsoft.Extensions.DependencyInjection;
using Pipeline.Domain.Analytics;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Database;
using Pipeline.Domain.LearningEvents;
using Pipeline.Domain.LearningPaths;
using Pipeline.Domain.Platform;
using Pipeline.Domain.Tasks;
using Pipeline.Domain.Tracks;
using Pipeline.Domain.Voice;
using Pipeline.Domain.Webhooks;

namespace Pipeline.Domain;

/// <summary>
/// The data access both hosts share: the migrator (run by each host's Program before it starts, see
/// <see cref="DatabaseMigration"/>) and one store per table, per feature. Host wiring (data source,
/// Redis connection, bus, telemetry) is registered by <c>AddServiceDefaults</c> (ServiceDefaults/), which must come first.
/// </summary>
public static class PipelineDataRegistration
{
    public static IServiceCollection AddPipelineData(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ITaskStatusCache, RedisTaskStatusCache>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<TaskStatusReader>();
        services.AddSingleton<TaskCancellation>();
        services.AddSingleton<LearningPathWriter>();
        services.AddSingleton<CardWriter>();
        services.AddSingleton<LearningPathReader>();
        services.AddSingleton<LearningEventStore>();
        services.AddPlatformStores();
        services.AddWebhookData();
        services.AddAnalyticsData();
        services.AddConversationStore();
        services.AddTrackStores();
        services.AddLearningCoreStores();
        services.AddVoiceData();
        return services;
    }
}
