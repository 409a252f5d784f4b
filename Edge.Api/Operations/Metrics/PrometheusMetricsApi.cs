using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Operations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>
/// <c>GET /metrics</c> for Prometheus. Allowed for an admin's access token, or, when <c>Operations:MetricsScrapeToken</c>
/// is set, for <c>Authorization: Bearer &lt;that token&gt;</c>: a scraper should not need a user account whose tokens
/// expire every hour. Without a token configured it is admin-only like the rest of operations.
/// </summary>
public static class PrometheusMetricsApi
{
    public static void MapPrometheusMetrics(this IEndpointRouteBuilder app) =>
        // Anonymous at the routing level only because the scrape token is not a JWT; the check below decides.
        app.MapGet("/metrics", GetAsync).AllowAnonymous().WithTags("Operations");

    private static async Task<ContentHttpResult> GetAsync(HttpContext http, ClaimsPrincipal user, MetricsReader reader,
        IOptions<OperationsOptions> options, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin() && !HasScrapeToken(http, options.Value.MetricsScrapeToken))
            throw user.Identity?.IsAuthenticated == true ? ApiException.Forbidden() : ApiException.Unauthorized();
        var snapshot = await reader.ReadAsync(cancellationToken);
        return TypedResults.Text(PrometheusText.Write(snapshot), PrometheusText.ContentType);
    }

    private static bool HasScrapeToken(HttpContext http, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
