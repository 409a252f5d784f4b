using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pipeline.ServiceDefaults.Diagnostics;

namespace Pipeline.ServiceDefaults;

/// <summary>
/// OpenTelemetry for both hosts: traces and metrics of ASP.NET Core, HttpClient, Npgsql, the .NET runtime, MassTransit,
/// Microsoft.Extensions.AI and the pipeline's own Redis activities, exported over OTLP. Only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: otherwise nothing is registered, so no listener makes any activity exist.
/// The standard <c>OTEL_*</c> variables (headers, protocol, service name, sampler) apply as the SDK documents them.
/// </summary>
public static class TelemetryRegistration
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>MassTransit's activity source and meter.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>The source <c>UseOpenTelemetry()</c> on the chat client pipeline writes to (Handlers/Ai/AiRegistration.cs).</summary>
    public const string ChatClientSource = "Experimental.Microsoft.Extensions.AI";

    public static IHostApplicationBuilder AddPipelineTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
            return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(MassTransitSource, ChatClientSource, PipelineActivities.SourceName)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource, ChatClientSource, "Npgsql")
                .AddOtlpExporter());
        return builder;
    }
}
