using Microsoft.AspNetCore.Http.HttpResults;

namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>ServicePulse's monitoring numbers as JSON: queues, message types, stages, LLM tokens.</summary>
public static class OpsMetricsApi
{
    public static void MapOpsMetrics(this RouteGroupBuilder ops) => ops.MapGet("/metrics", GetAsync);

    private static async Task<Ok<OpsMetrics>> GetAsync(MetricsReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reader.ReadAsync(cancellationToken)).ToResponse());
}
