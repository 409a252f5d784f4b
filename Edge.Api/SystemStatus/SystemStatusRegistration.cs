using Pipeline.Edge.Api.SystemStatus.Status;

namespace Pipeline.Edge.Api.SystemStatus;

public static class SystemStatusRegistration
{
    public static IServiceCollection AddSystemStatus(this IServiceCollection services) => services.AddSingleton<SystemStatusProbe>();
}
