using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.RateLimits;

/// <summary>
/// Limits per client address on the routes anyone can call without an account (guest login, registration, login,
/// refresh): every guest and every account multiplies the per-user AI allowance, and each login costs a password hash.
/// Counted in Redis, so shared by every edge instance.
/// </summary>
public sealed class ClientAddressLimitOptions
{
    public const string Section = "Pipeline:ClientLimits";

    [Required] public RateLimitPolicyOptions GuestLogins { get; set; } = new() { Limit = 20, Window = TimeSpan.FromHours(1) };
    [Required] public RateLimitPolicyOptions Registrations { get; set; } = new() { Limit = 20, Window = TimeSpan.FromHours(1) };
    [Required] public RateLimitPolicyOptions Logins { get; set; } = new() { Limit = 60, Window = TimeSpan.FromMinutes(10) };
    [Required] public RateLimitPolicyOptions Refreshes { get; set; } = new() { Limit = 120, Window = TimeSpan.FromMinutes(10) };

    /// <summary>
    /// Proxies (IP addresses) whose X-Forwarded-For names the real client. Empty: the connection's own address counts,
    /// and a client cannot choose its address with a header.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
