namespace Pipeline.Edge.Api.Realtime;

public static class StreamRegistration
{
    public static IServiceCollection AddOpenStreams(this IServiceCollection services)
    {
        services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OpenStreams>();
        services.AddHostedService(provider => provider.GetRequiredService<OpenStreams>());
        return services;
    }
}
