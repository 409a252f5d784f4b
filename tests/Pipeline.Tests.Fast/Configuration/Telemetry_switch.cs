using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.ServiceDefaults;
using Pipeline.ServiceDefaults.Diagnostics;

namespace Pipeline.Tests.Fast.Configuration;

/// <summary>
/// OpenTelemetry is registered only when an OTLP or a Zipkin endpoint is configured (<see cref="TelemetryRegistration"/>):
/// traces for either, metrics only with OTLP.
/// </summary>
public sealed class Telemetry_switch
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Probe" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddPipelineTelemetry();
        return builder.Build();
    }

    [Fact]
    public void Without_an_otlp_or_zipkin_endpoint_nothing_is_registered()
    {
        using var host = Build();
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void With_an_otlp_endpoint_traces_of_every_named_source_are_collected_and_metrics_too()
    {
        using var host = Build((TelemetryRegistration.EndpointSetting, "http://127.0.0.1:4317"));
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());

        using var source = new ActivitySource(TelemetryRegistration.MassTransitSource);
        using var activity = source.StartActivity("probe");
        Assert.NotNull(activity);
    }

    [Fact]
    public void With_only_a_zipkin_endpoint_traces_are_collected_but_no_metrics()
    {
        // Nothing listens on this port: the exporter's failed POST is only counted by the SDK, never thrown.
        using var host = Build((TelemetryRegistration.ZipkinEndpointSetting, "http://127.0.0.1:9/api/v2/spans"));
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());

        using var redis = PipelineActivities.Redis("redis probe");
        Assert.NotNull(redis);
    }
}
