namespace Pipeline.Handlers.Trac;

public static class TracRegistration
{
    /// <summary>The Trac importer (and the starter curriculum it loads into an empty trac schema).</summary>
    public static IHostApplicationBuilder AddTracImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TracOptions>().BindConfiguration(TracOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TracImporter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TracImporter>());
        return builder;
    }
}
