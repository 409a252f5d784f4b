using FastEndpoints;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Metrics.Json;

/// <summary>ServicePulse's monitoring numbers as JSON: queues, message types, stages, LLM tokens.</summary>
public sealed class Endpoint(MetricsReader reader) : EndpointWithoutRequest<OpsMetrics>
{
    public override void Configure()
    {
        Get("/metrics");
        Group<OpsGroup>();
        Description(d => d.WithTags(OpsGroup.Tag).Failures(401, 403));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync((await reader.ReadAsync(ct)).ToResponse(), ct);
}
