using System.Security.Cryptography;
using System.Text;
using FastEndpoints;
using Microsoft.Extensions.Options;
using Pipeline.Operations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Metrics.Prometheus;

/// <summary>
/// <c>GET /metrics</c> for Prometheus. Allowed for an admin's access token, or, when <c>Operations:MetricsScrapeToken</c>
/// is set, for <c>Authorization: Bearer &lt;that token&gt;</c>: a scraper should not need a user account whose tokens
/// expire every hour. Without a token configured it is admin-only like the rest of operations.
/// </summary>
public sealed class Endpoint(MetricsReader reader, IOptions<OperationsOptions> options) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/metrics");
        // Anonymous at the routing level only because the scrape token is not a JWT; the check below decides.
        AllowAnonymous();
        Description(d => d.WithTags(OpsGroup.Tag).Produces<string>(StatusCodes.Status200OK, PrometheusText.ContentType).Failures(401, 403));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!User.IsAdmin() && !HasScrapeToken(options.Value.MetricsScrapeToken))
            throw User.Identity?.IsAuthenticated == true ? ApiException.Forbidden() : ApiException.Unauthorized();
        var snapshot = await reader.ReadAsync(ct);
        await Send.StringAsync(PrometheusText.Write(snapshot), contentType: PrometheusText.ContentType, cancellation: ct);
    }

    private bool HasScrapeToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var header = HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
