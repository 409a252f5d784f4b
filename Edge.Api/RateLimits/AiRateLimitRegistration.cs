namespace Pipeline.Edge.Api.RateLimits;

public static class AiRateLimitRegistration
{
    public static IServiceCollection AddAiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<AiRateLimitOptions>().BindConfiguration(AiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AiRequestLimiter>();
        services.AddOptions<Tasks.Retry.TaskRetryOptions>().BindConfiguration(Tasks.Retry.TaskRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
