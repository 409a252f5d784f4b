using System.Globalization;
using FastEndpoints;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// Guards an AI endpoint (<c>PreProcessor&lt;AiRateLimit&lt;Request&gt;&gt;()</c>): every answer carries
/// X-RateLimit-Limit/Remaining/Reset (seed 003); over the limit it is a 429 with Retry-After, in the route's error shape,
/// and the request does no work. It runs after the body is read, so a malformed request is refused without being counted.
/// </summary>
public sealed class AiRateLimit<TRequest> : IPreProcessor<TRequest>
{
    public async Task PreProcessAsync(IPreProcessorContext<TRequest> context, CancellationToken ct)
    {
        var http = context.HttpContext;
        // From the request's services, not the constructor: FastEndpoints makes pre-processors once per process, and
        // a process may host more than one app (the tests do), each with its own limits.
        var limiter = http.RequestServices.GetRequiredService<AiRequestLimiter>();
        var options = http.RequestServices.GetRequiredService<IOptions<AiRateLimitOptions>>();
        var user = http.User;
        var limit = user.IsGuest() ? options.Value.GuestAiRequestsPerMinute : options.Value.AiRequestsPerMinute;
        var decision = await limiter.TryAcquireAsync($"user:{user.UserId()}", limit);
        if (decision.Allowed)
            await EnsureWithinGlobalBudgetAsync(http, options.Value);

        var headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        if (!decision.Allowed)
        {
            var retryAfter = Math.Max(1, (int)Math.Ceiling((decision.ResetAt - DateTimeOffset.UtcNow).TotalSeconds));
            throw new ApiException(StatusCodes.Status429TooManyRequests,
                $"Too many generation requests: at most {decision.Limit} per minute. Try again in {retryAfter} s.")
            {
                RetryAfterSeconds = retryAfter,
                Headers = headers,
            };
        }
        foreach (var (name, value) in headers)
            http.Response.Headers[name] = value;
    }

    private static async Task EnsureWithinGlobalBudgetAsync(HttpContext http, AiRateLimitOptions options)
    {
        var limiter = http.RequestServices.GetRequiredService<LearnTracRateLimiter>();
        var budget = new NamedRateLimit("ai:global", "ai budget",
            new RateLimitPolicyOptions { Limit = options.GlobalAiRequestsPerMinute, Window = TimeSpan.FromMinutes(1) });
        var decision = (await limiter.AcquireAsync("all", [budget]))[0];
        if (!decision.Exceeded) return;
        var retryAfter = Math.Max(1, (int)Math.Ceiling((decision.ResetAt - DateTimeOffset.UtcNow).TotalSeconds));
        throw new ApiException(StatusCodes.Status503ServiceUnavailable,
            $"The service is at its AI capacity for this minute; try again in {retryAfter} s.") { RetryAfterSeconds = retryAfter };
    }
}
