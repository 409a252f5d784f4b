using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Handlers.Operations.FailedMessages;

namespace Pipeline.Handlers.Operations;

public static class OperationsServiceRegistration
{
    /// <summary>The failed-message ingestion of the worker host (see <see cref="ErrorQueueIngestion"/>).</summary>
    public static IServiceCollection AddErrorQueueIngestion(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ErrorQueueIngestion>();
        return services;
    }
}
