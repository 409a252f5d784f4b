using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pipeline.ServiceDefaults.Diagnostics;

namespace Pipeline.ServiceDefaults;

/// <summary>
/// OpenTelemetry for both hosts: traces of ASP.NET Core, HttpClient, Npgsql (statement text, never parameter values),
/// MassTransit, Microsoft.Extensions.AI and the pipeline's own Redis activities, exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and as Zipkin JSON when <c>OTEL_EXPORTER_ZIPKIN_ENDPOINT</c> is set
/// (<c>./bench.sh hops</c> collects them that way); metrics only over OTLP. When neither is set nothing is registered,
/// so no listener makes any activity exist. The standard <c>OTEL_*</c> variables (headers, protocol, service name,
/// sampler, <c>OTEL_BSP_*</c> for the batch export queue) apply as the SDK documents them.
/// </summary>
public static class TelemetryRegistration
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ZipkinEndpointSetting = "OTEL_EXPORTER_ZIPKIN_ENDPOINT";

    /// <summary>MassTransit's activity source and meter.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>The source <c>UseOpenTelemetry()</c> on the chat client pipeline writes to (Handlers/Ai/AiRegistration.cs).</summary>
    public const string ChatClientSource = "Experimental.Microsoft.Extensions.AI";

    public static IHostApplicationBuilder AddPipelineTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]);
        var zipkin = !string.IsNullOrWhiteSpace(builder.Configuration[ZipkinEndpointSetting]);
        if (!otlp && !zipkin)
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(MassTransitSource, ChatClientSource, PipelineActivities.SourceName);
                if (otlp) tracing.AddOtlpExporter();
                // The Zipkin exporter is marked obsolete upstream (OTLP is the way forward); it stays because a Zipkin
                // endpoint is a few lines of any language's standard library (bench/hops.py), an OTLP one is not.
#pragma warning disable CS0618
                if (zipkin) tracing.AddZipkinExporter();
#pragma warning restore CS0618
            });
        if (otlp)
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource, ChatClientSource, "Npgsql")
                .AddOtlpExporter());
        return builder;
    }
}
