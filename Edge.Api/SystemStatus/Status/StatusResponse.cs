namespace Pipeline.Edge.Api.SystemStatus.Status;

public sealed record StatusResponse(string Status, ServiceStatuses Services, IReadOnlyDictionary<string, string> Backends, long ResponseTimeMs,
    long UptimeSeconds);
