using System.Diagnostics;

namespace Pipeline.ServiceDefaults.Diagnostics;

/// <summary>
/// Activities for the calls no library traces for us: StackExchange.Redis has no ActivitySource (OpenTelemetry's
/// instrumentation for it is a beta), so each Redis call of the status cache and the rate limiters is one "redis"
/// activity. Free unless tracing is on (TelemetryRegistration).
/// </summary>
public static class PipelineActivities
{
    public const string SourceName = "Pipeline";
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a Redis activity with this name (e.g. "redis status write"), or null when nobody listens.</summary>
    public static Activity? Redis(string name) => Source.StartActivity(name, ActivityKind.Client);
}
