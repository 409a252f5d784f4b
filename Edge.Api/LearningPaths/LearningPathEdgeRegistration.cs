namespace Pipeline.Edge.Api.LearningPaths;

public static class LearningPathEdgeRegistration
{
    /// <summary><see cref="LearningPathGeneration"/> and its settings.</summary>
    public static IServiceCollection AddLearningPathGeneration(this IServiceCollection services)
    {
        services.AddOptions<LearningPathGenerationOptions>().BindConfiguration(LearningPathGenerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LearningPathGeneration>();
        return services;
    }
}
