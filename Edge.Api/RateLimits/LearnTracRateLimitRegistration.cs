namespace Pipeline.Edge.Api.RateLimits;

public static class LearnTracRateLimitRegistration
{
    public static IServiceCollection AddLearnTracRateLimits(this IServiceCollection services)
    {
        services.AddOptions<LearnTracRateLimitOptions>().BindConfiguration(LearnTracRateLimitOptions.Section)
            .Validate(o => new[] { o.Api, o.Chat, o.Voice, o.Exports }.All(p => p.Limit > 0 && p.Window >= TimeSpan.FromSeconds(1)),
                "Every LearnTrac rate limit needs a Limit above 0 and a Window of at least one second.")
            .ValidateOnStart();
        services.AddSingleton<LearnTracRateLimiter>();
        return services;
    }

    /// <summary>After authentication (limits are per user), before authorization (so 401/403 answers carry the headers too).</summary>
    public static IApplicationBuilder UseLearnTracRateLimits(this IApplicationBuilder app) => app.UseMiddleware<LearnTracRateLimitMiddleware>();
}
