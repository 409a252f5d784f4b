using FastEndpoints;

namespace Pipeline.Edge.Api.SystemStatus.Health;

/// <summary>Seed 003's basic health check: public, outside every rate limit, answers as long as the API process does.</summary>
public sealed class Endpoint(TimeProvider clock) : EndpointWithoutRequest<HealthResponse>
{
    public override void Configure()
    {
        Get("/api/learntrac/v1/health");
        AllowAnonymous();
        // Polled by load balancers and monitors, often from one address: never counted, never refused with a 429.
        Options(o => o.WithMetadata(RateLimits.NotRateLimited.Instance));
        Description(d => d.WithTags("LearnTrac status"));
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(new HealthResponse("healthy", ApiVersion.Current, clock.GetUtcNow()), ct);
}
