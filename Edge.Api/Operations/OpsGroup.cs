using FastEndpoints;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Operations;

/// <summary>
/// The ops API (what ServicePulse would show): everything under <c>/api/ops</c> is admin-only through this group, so a
/// new route cannot forget it. <c>/metrics</c> for Prometheus sits outside (see Metrics/Prometheus).
/// </summary>
public sealed class OpsGroup : Group
{
    public const string Tag = "Operations";

    public OpsGroup() => Configure("/api/ops", endpoint => endpoint.Policies(Policies.Admin));
}
