namespace Pipeline.Edge.Api.RateLimits;

public static class AiRateLimitRegistration
{
    public static IServiceCollection AddAiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<AiRateLimitOptions>().BindConfiguration(AiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AiRequestLimiter>();
        services.AddSingleton<AiRateLimitFilter>();
        return services;
    }

    /// <summary>Puts the per-user AI request limit in front of an endpoint.</summary>
    public static RouteHandlerBuilder RequireAiRateLimit(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<AiRateLimitFilter>();
}
