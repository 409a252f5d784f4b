namespace Pipeline.Edge.Api.RateLimits;

public static class AiRateLimitRegistration
{
    public static IServiceCollection AddAiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<AiRateLimitOptions>().BindConfiguration(AiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AiRequestLimiter>();
        return services;
    }
}
