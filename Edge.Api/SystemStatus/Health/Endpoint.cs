using FastEndpoints;

namespace Pipeline.Edge.Api.SystemStatus.Health;

/// <summary>Seed 003's basic health check: public, answers as long as the API process does.</summary>
public sealed class Endpoint(TimeProvider clock) : EndpointWithoutRequest<HealthResponse>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/health");
        AllowAnonymous();
        Description(d => d.WithTags("LearnTrac status"));
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(new HealthResponse("healthy", ApiVersion.Current, clock.GetUtcNow()), ct);
}

public sealed record HealthResponse(string Status, string Version, DateTimeOffset Timestamp);
