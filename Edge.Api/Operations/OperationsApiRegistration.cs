using Pipeline.Edge.Api.Operations.FailedMessages;
using Pipeline.Edge.Api.Operations.Metrics;
using Pipeline.Operations.FailedMessages;

namespace Pipeline.Edge.Api.Operations;

/// <summary>
/// The ops HTTP API of this host. This folder holds only the HTTP side of operations: endpoints and the queries that
/// shape their answers (they throw the edge's <c>ApiException</c> and their response types are named in the OpenAPI
/// document, so they cannot move without a cycle or a changed document). Everything else (heartbeats, message
/// counters, the failed-message store, error-queue ingestion, the retrier, the raw broker connection) is in the
/// Operations project (../../Operations); see README.md here.
/// </summary>
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
