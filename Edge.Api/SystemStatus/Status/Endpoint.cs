using System.Diagnostics;
using FastEndpoints;

namespace Pipeline.Edge.Api.SystemStatus.Status;

/// <summary>
/// Seed 003's detailed status: the state of every service this deployment really has, checked now. The seed's
/// <c>neo4j</c> entry is not claimed: the knowledge graph lives in PostgreSQL and is reported as such.
/// </summary>
public sealed class Endpoint(SystemStatusProbe probe) : EndpointWithoutRequest<StatusResponse>
{
    private static readonly DateTimeOffset ProcessStartedAt = new(Process.GetCurrentProcess().StartTime.ToUniversalTime());

    public override void Configure()
    {
        Get("/api/learntrac/v1/status");
        AllowAnonymous();
        Description(d => d.WithTags("LearnTrac status"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var services = await probe.CheckAsync(ct);
        var states = new[] { services.Api, services.Database, services.Redis, services.MessageBus, services.KnowledgeGraph, services.AiService };
        // Without the database nothing works; anything else down leaves parts of the API working.
        var status = services.Database != ServiceStates.Healthy ? "major_outage"
            : states.All(s => s == ServiceStates.Healthy) ? "operational"
            : "degraded";
        await Send.OkAsync(new StatusResponse(status, services, SystemStatusProbe.Backends, (long)watch.Elapsed.TotalMilliseconds,
            (long)(DateTimeOffset.UtcNow - ProcessStartedAt).TotalSeconds), ct);
    }
}
