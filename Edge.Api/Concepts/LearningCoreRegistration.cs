using Pipeline.Edge.Api.Progress;

namespace Pipeline.Edge.Api.Concepts;

public static class LearningCoreRegistration
{
    /// <summary>Seed 003's learning core on the edge (its endpoints are found by FastEndpoints; this adds their services).</summary>
    public static IServiceCollection AddLearningCore(this IServiceCollection services)
    {
        services.AddSingleton<ProgressReport>();
        return services;
    }
}
