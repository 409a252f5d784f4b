using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Platform;

/// <summary>Seed 004's stores (courses, goals, notes, resources, schedule, reminders), shared by Edge.Api and Handlers.</summary>
public static class PlatformRegistration
{
    public static IServiceCollection AddPlatformStores(this IServiceCollection services)
    {
        services.AddSingleton<CourseCatalogue>();
        services.AddSingleton<GoalStore>();
        services.AddSingleton<NoteStore>();
        services.AddSingleton<ResourceStore>();
        services.AddSingleton<ResourceVectorIndex>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<Realtime.RealtimeFeed>();
        return services;
    }
}
