using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>
/// Per-user limit on the endpoints that cost LLM calls (seed 004: "Rate-limit AI endpoints per-user"). A refused request
/// gets 429 with Retry-After, in the route's error shape.
/// </summary>
public static class AiRateLimits
{
    public const string Policy = "ai";

    public static IServiceCollection AddAiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Pipeline:RateLimits:AiRequestsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.Identity?.IsAuthenticated == true ? $"user:{http.User.UserId()}" : $"ip:{http.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = $"Too many generation requests: at most {permits} per minute. Try again in {retryAfter} s.",
                    },
                });
            };
        });
        return services;
    }
}
