using MassTransit;
using Pipeline.Edge.Api.Resources;
using Pipeline.Messages.Resources;

namespace Pipeline.Edge.Api.Platform;

/// <summary>What seed 004's /api/v1 endpoints need beyond FastEndpoints' discovery: services and bus request clients.</summary>
public static class PlatformApiRegistration
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.AddScoped<ResourceSearch>();
        services.AddSingleton<QueryEmbeddingCache>();
        services.AddScoped<Assistant.AssistantContext>();
        services.AddTransient<IStartupFilter, Realtime.V1.RealtimeTokenFromQuery>();
        return services;
    }

    public static IBusRegistrationConfigurator AddPlatformRequestClients(this IBusRegistrationConfigurator bus)
    {
        bus.AddRequestClient<EmbedSearchQuery>(new Uri($"queue:{ResourceQueues.EmbedSearchQueries}"));
        bus.AddRequestClient<RecommendResources>(new Uri($"queue:{ResourceQueues.RecommendResources}"));
        bus.AddRequestClient<Messages.Plans.CreateStudyPlan>(new Uri($"queue:{Messages.Plans.PlanQueues.CreateStudyPlans}"));
        return bus;
    }
}
