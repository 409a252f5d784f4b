using System.ComponentModel.DataAnnotations;

namespace Pipeline.Operations;

/// <summary>Settings of section <c>Operations</c> (environment: <c>Operations__HeartbeatSeconds</c>, ...).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>How often each instance publishes its <c>EndpointHeartbeat</c>.</summary>
    [Range(1, 3600)] public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>An instance without a heartbeat for this long is shown as down (keep it a few heartbeats long).</summary>
    [Range(1, 86_400)] public int EndpointDownAfterSeconds { get; set; } = 15;

    /// <summary>How often each instance writes its message counters to <c>message_metrics</c>.</summary>
    [Range(1, 3600)] public int MetricsFlushSeconds { get; set; } = 5;

    /// <summary>How often the ingestion asks the broker for new <c>*_error</c> queues.</summary>
    [Range(1, 3600)] public int ErrorQueueDiscoverySeconds { get; set; } = 10;

    /// <summary>Fixed instance id (e.g. a pod name); by default host, process and a random suffix.</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// Optional secret for Prometheus: <c>GET /metrics</c> with <c>Authorization: Bearer &lt;token&gt;</c>. Without it
    /// /metrics is admin-only like the rest of operations.
    /// </summary>
    [MinLength(16)] public string? MetricsScrapeToken { get; set; }
}
