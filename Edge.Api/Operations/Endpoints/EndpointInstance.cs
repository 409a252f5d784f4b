namespace Pipeline.Edge.Api.Operations.Endpoints;

/// <summary>A running (or once running) Edge.Api or Handlers instance; <see cref="Status"/> is <c>up</c> or <c>down</c>.</summary>
public sealed record EndpointInstance(string InstanceId, string Endpoint, string Host, string Version, int ProcessId,
    DateTime StartedAt, DateTime LastHeartbeatAt, double SecondsSinceHeartbeat, string Status);
