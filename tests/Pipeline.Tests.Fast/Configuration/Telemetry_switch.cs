using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Pipeline.ServiceDefaults;

namespace Pipeline.Tests.Fast.Configuration;

/// <summary>OpenTelemetry is registered only when an OTLP endpoint is configured (<see cref="TelemetryRegistration"/>).</summary>
public sealed class Telemetry_switch
{
    private static IHost Build(string? endpoint)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Probe" });
        if (endpoint is not null)
            builder.Configuration.AddInMemoryCollection([new(TelemetryRegistration.EndpointSetting, endpoint)]);
        builder.AddPipelineTelemetry();
        return builder.Build();
    }

    [Fact]
    public void Without_an_otlp_endpoint_nothing_is_registered()
    {
        using var host = Build(null);
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void With_an_otlp_endpoint_traces_of_every_named_source_are_collected()
    {
        using var host = Build("http://127.0.0.1:4317");
        var provider = host.Services.GetService<TracerProvider>();
        Assert.NotNull(provider);

        using var source = new System.Diagnostics.ActivitySource(TelemetryRegistration.MassTransitSource);
        using var activity = source.StartActivity("probe");
        Assert.NotNull(activity);
    }
}
