using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Operations.Endpoints;
using Pipeline.Edge.Api.Operations.FailedMessages;
using Pipeline.Edge.Api.Operations.Metrics;
using Pipeline.Edge.Api.Operations.Tasks;

namespace Pipeline.Edge.Api.Operations;

/// <summary>
/// The ops API (what ServicePulse would show): everything under <c>/api/ops</c> is admin-only through the group, so a
/// new route cannot forget it. <c>/metrics</c> for Prometheus sits outside (see <see cref="PrometheusMetricsApi"/>).
/// </summary>
public static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/api/ops").WithTags("Operations").RequireAuthorization(Policies.Admin);
        ops.MapFailedMessages();
        ops.MapEndpointInstances();
        ops.MapOpsMetrics();
        ops.MapOpsTasks();
        app.MapPrometheusMetrics();
    }

    public static IServiceCollection AddOperationsApi(this IServiceCollection services)
    {
        services.AddSingleton<FailedMessageQueries>();
        services.AddSingleton<FailedMessageRetrier>();
        services.AddSingleton<MetricsReader>();
        return services;
    }
}
