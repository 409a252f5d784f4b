namespace Pipeline.Messages.Operations;

/// <summary>
/// Published by every running instance of Edge.Api and Handlers every <c>Operations:HeartbeatSeconds</c>; operations
/// call an instance down when its heartbeats stop.
/// </summary>
public record EndpointHeartbeat(
    string InstanceId,
    string Endpoint,
    string Host,
    string Version,
    int ProcessId,
    DateTimeOffset StartedAt,
    DateTimeOffset SentAt);
