namespace Pipeline.Edge.Api.SystemStatus.Status;

public static class ServiceStates
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    /// <summary>The service's tables or workers are not part of this deployment (yet).</summary>
    public const string NotDeployed = "not_deployed";
}
