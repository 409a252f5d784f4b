using Pipeline.Edge.Api.Operations.FailedMessages;
using Pipeline.Edge.Api.Operations.Metrics;

namespace Pipeline.Edge.Api.Operations;

public static class OperationsApiRegistration
{
    public static IServiceCollection AddOperationsApi(this IServiceCollection services)
    {
        services.AddSingleton<FailedMessageQueries>();
        services.AddSingleton<FailedMessageRetrier>();
        services.AddSingleton<MetricsReader>();
        return services;
    }
}
