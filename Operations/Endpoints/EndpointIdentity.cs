using System.Reflection;

namespace Pipeline.Operations.Endpoints;

/// <summary>Who this process is, as its heartbeats and metric rows name it.</summary>
public sealed class EndpointIdentity
{
    public EndpointIdentity(string endpoint, Assembly hostAssembly, string? configuredInstanceId)
    {
        Endpoint = endpoint;
        Host = Environment.MachineName;
        ProcessId = Environment.ProcessId;
        Version = hostAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? hostAssembly.GetName().Version?.ToString() ?? "unknown";
        // Two hosts can share a process (tests, or side-by-side hosting), so the pid alone is not enough.
        InstanceId = string.IsNullOrWhiteSpace(configuredInstanceId)
            ? $"{endpoint}@{Host}:{ProcessId}:{Guid.NewGuid().ToString("N")[..6]}"
            : configuredInstanceId;
        StartedAt = DateTimeOffset.UtcNow;
    }

    public string Endpoint { get; }
    public string InstanceId { get; }
    public string Host { get; }
    public string Version { get; }
    public int ProcessId { get; }
    public DateTimeOffset StartedAt { get; }
}
