using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// Counts guest logins, registrations, logins and refreshes per client address on every auth prefix; beyond the limit a
/// 429 in the route's seed shape with Retry-After, before any account is created or any password hashed.
/// The client address is the connection's, or X-Forwarded-For's when the connection comes from a trusted proxy
/// (ForwardedHeaders, configured from <see cref="ClientAddressLimitOptions.TrustedProxies"/>).
/// </summary>
public sealed class ClientAddressLimitMiddleware(RequestDelegate next, LearnTracRateLimiter limiter,
    IOptionsMonitor<ClientAddressLimitOptions> options, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsPost(http.Request.Method) && LimitFor(http.Request.Path, options.CurrentValue) is { } limit)
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var decision = (await limiter.AcquireAsync($"ip:{address}", [limit]))[0];
            if (decision.Exceeded)
            {
                var retryAfter = Math.Max(1, (int)Math.Ceiling((decision.ResetAt - clock.GetUtcNow()).TotalSeconds));
                throw new ApiException(StatusCodes.Status429TooManyRequests,
                    $"Too many {decision.Policy} from this address: at most {decision.Limit}. Try again in {retryAfter} s.")
                {
                    RetryAfterSeconds = retryAfter,
                    Headers = new Dictionary<string, string>
                    {
                        ["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture),
                        ["X-RateLimit-Remaining"] = "0",
                        ["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                    },
                };
            }
        }
        await next(http);
    }

    private static NamedRateLimit? LimitFor(PathString path, ClientAddressLimitOptions limits)
    {
        var value = path.Value ?? "";
        if (!value.Contains("/auth/", StringComparison.Ordinal)) return null;
        return value.TrimEnd('/') switch
        {
            var p when p.EndsWith("/auth/guest-login", StringComparison.Ordinal) => new("client:guest-login", "guest logins", limits.GuestLogins),
            var p when p.EndsWith("/auth/register", StringComparison.Ordinal) => new("client:register", "registrations", limits.Registrations),
            var p when p.EndsWith("/auth/login", StringComparison.Ordinal) => new("client:login", "logins", limits.Logins),
            var p when p.EndsWith("/auth/refresh", StringComparison.Ordinal) => new("client:refresh", "refreshes", limits.Refreshes),
            _ => null,
        };
    }
}
