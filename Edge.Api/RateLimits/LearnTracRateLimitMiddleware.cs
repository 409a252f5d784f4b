using System.Globalization;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// Counts every request under <c>/api/learntrac/v1</c> against the caller's hourly allowance, and a route's own group
/// (chat, voice, exports: <see cref="RateLimitedAs"/>) beside it. Every answer on those routes, errors included, carries
/// seed 003's <c>X-RateLimit-Limit/Remaining/Reset</c> and the IETF draft's <c>RateLimit-Policy</c> / <c>RateLimit</c>
/// fields; beyond a limit it is a 429 RATE_LIMIT_EXCEEDED with <c>Retry-After</c>, and the route does no work.
/// </summary>
public sealed class LearnTracRateLimitMiddleware(RequestDelegate next, LearnTracRateLimiter limiter, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(RateLimitPolicies.LearnTracPrefix) || http.GetEndpoint()?.Metadata.GetMetadata<NotRateLimited>() is not null)
        {
            await next(http);
            return;
        }
        var policies = new List<string> { RateLimitPolicies.Api };
        if (http.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAs>() is { } group && group.Policy != RateLimitPolicies.Api)
            policies.Add(group.Policy);
        // A policy counted in other units (seconds of voice) is only looked at here; the feature charges what it used.
        var cost = policies.Contains(RateLimitPolicies.Voice) ? 0 : 1;
        var decisions = await limiter.AcquireAsync(SubjectOf(http), policies, cost);
        var headers = Headers(decisions);
        http.Response.OnStarting(() =>
        {
            foreach (var (name, value) in headers) http.Response.Headers[name] = value;
            return Task.CompletedTask;
        });

        if (decisions.FirstOrDefault(d => d.Exceeded) is { } refused)
        {
            var retryAfter = Math.Max(1, (int)Math.Ceiling((refused.ResetAt - clock.GetUtcNow()).TotalSeconds));
            throw new ApiException(StatusCodes.Status429TooManyRequests,
                $"Rate limit exceeded: at most {refused.Limit} {Unit(refused.Policy)} per {Describe(refused.Window)}. Try again in {retryAfter} s.",
                details: new[] { new { policy = refused.Policy, limit = refused.Limit, window_seconds = (long)refused.Window.TotalSeconds, retry_after = retryAfter } })
            {
                RetryAfterSeconds = retryAfter,
                Headers = headers,
            };
        }
        await next(http);
    }

    /// <summary>Per user; a caller without a token (health, login) is counted by address.</summary>
    private static string SubjectOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(AuthClaims.UserId)?.Value is { } id
            ? $"user:{id}"
            : $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static Dictionary<string, string> Headers(IReadOnlyList<PolicyDecision> decisions)
    {
        // The X-RateLimit-* trio describes one limit: the one that refused, else the route's own group, else the API's.
        var shown = decisions.FirstOrDefault(d => d.Exceeded) ?? decisions[^1];
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = shown.Limit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = shown.Remaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = shown.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            // draft-ietf-httpapi-ratelimit-headers: every policy that applies, as structured-field lists.
            ["RateLimit-Policy"] = string.Join(", ", decisions.Select(d =>
                FormattableString.Invariant($"\"{d.Policy}\";q={d.Limit};w={(long)d.Window.TotalSeconds}"))),
            ["RateLimit"] = string.Join(", ", decisions.Select(d =>
                FormattableString.Invariant($"\"{d.Policy}\";r={d.Remaining};t={Math.Max(0, (long)Math.Ceiling((d.ResetAt - now).TotalSeconds))}"))),
        };
    }

    private static string Unit(string policy) => policy switch
    {
        RateLimitPolicies.Chat => "chat messages",
        RateLimitPolicies.Voice => "seconds of voice",
        RateLimitPolicies.Exports => "exports",
        _ => "requests",
    };

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromHours(1) ? "hour"
        : window == TimeSpan.FromDays(1) ? "day"
        : window == TimeSpan.FromMinutes(1) ? "minute"
        : $"{(long)window.TotalSeconds} s";
}
