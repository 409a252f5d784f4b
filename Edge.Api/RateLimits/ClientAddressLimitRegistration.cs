using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Pipeline.Edge.Api.RateLimits;

public static class ClientAddressLimitRegistration
{
    public static IServiceCollection AddClientAddressLimits(this IServiceCollection services)
    {
        services.AddOptions<ClientAddressLimitOptions>().BindConfiguration(ClientAddressLimitOptions.Section)
            .Validate(o => new[] { o.GuestLogins, o.Registrations, o.Logins, o.Refreshes }.All(p => p.Limit > 0 && p.Window >= TimeSpan.FromSeconds(1)),
                "Every client address limit needs a Limit above 0 and a Window of at least one second.")
            .Validate(o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _)), "Pipeline:ClientLimits:TrustedProxies must be IP addresses.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ClientAddressLimitOptions>>((forwarded, limits) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // Only the configured proxies are believed (the framework's default also trusts loopback; we do not).
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in limits.Value.TrustedProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    /// <summary>First in the pipeline: the client address must be settled before anything counts by it.</summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>After the exception handler (its 429 is written in the route's shape), before any endpoint.</summary>
    public static IApplicationBuilder UseClientAddressLimits(this IApplicationBuilder app) => app.UseMiddleware<ClientAddressLimitMiddleware>();
}
