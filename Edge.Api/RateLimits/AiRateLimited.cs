using System.Globalization;
using FastEndpoints;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// The per-user AI request limit for FastEndpoints endpoints (<c>PreProcessor&lt;AiRateLimited&lt;Request&gt;&gt;()</c>),
/// the same limit and headers as <see cref="AiRateLimitFilter"/> on minimal-API routes: guests get the smaller share.
/// </summary>
public sealed class AiRateLimited<TRequest> : IPreProcessor<TRequest>
{
    public async Task PreProcessAsync(IPreProcessorContext<TRequest> context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<AiRateLimitOptions>>().Value;
        var limiter = http.RequestServices.GetRequiredService<AiRequestLimiter>();
        var user = http.User;
        var limit = user.IsGuest() ? options.GuestAiRequestsPerMinute : options.AiRequestsPerMinute;
        var decision = await limiter.TryAcquireAsync($"user:{user.UserId()}", limit);
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
                $"Too many AI requests: at most {decision.Limit} per minute. Try again in {retryAfter} s.")
            {
                RetryAfterSeconds = retryAfter,
                Headers = headers,
            };
        }
        foreach (var (name, value) in headers) http.Response.Headers[name] = value;
    }
}
