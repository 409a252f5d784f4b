using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Tracks;

public static class TrackRegistration
{
    /// <summary>Seed 001's stores: tracks and modules, lesson tasks, users' AI settings.</summary>
    public static IServiceCollection AddTrackStores(this IServiceCollection services)
    {
        services.AddSingleton<TrackStore>();
        services.AddSingleton<LessonTaskStore>();
        services.AddSingleton<AiUserConfigStore>();
        return services;
    }
}
