using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Analytics;

public static class AnalyticsRegistration
{
    public static IServiceCollection AddAnalyticsData(this IServiceCollection services) =>
        services.AddSingleton<AnalyticsRollupStore>().AddSingleton<AnalyticsExportStore>();
}
