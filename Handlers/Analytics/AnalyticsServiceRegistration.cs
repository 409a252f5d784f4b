using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Handlers.Analytics;

public static class AnalyticsServiceRegistration
{
    /// <summary>Analytics in the worker host: rollups from the learning events, and export files.</summary>
    public static IBusRegistrationConfigurator AddAnalyticsWork(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddSingleton<ReportBuilder>();
        bus.AddConsumer<AnalyticsRollupConsumer, AnalyticsRollupConsumerDefinition>();
        bus.AddConsumer<BuildAnalyticsExportConsumer, BuildAnalyticsExportConsumerDefinition>();
        return bus;
    }
}
