using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Operations.FailedMessages;

public static class ErrorQueueIngestionRegistration
{
    /// <summary>The failed-message ingestion of the worker host (see <see cref="ErrorQueueIngestion"/>).</summary>
    public static IServiceCollection AddErrorQueueIngestion(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ErrorQueueIngestion>();
        return services;
    }
}
