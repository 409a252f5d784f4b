using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Pipeline.ServiceDefaults;

/// <summary>
/// Log levels both hosts start from, beneath every configuration source: appsettings or the environment bring any of
/// them back (<c>Logging__LogLevel__System.Net.Http.HttpClient=Information</c>). Without them a running system writes
/// mostly noise at Information: four lines per request the bus watchdog sends to RabbitMQ's management API every few
/// seconds, and four per HTTP request (a frontend polling a task's status every second).
/// </summary>
public static class LogLevelDefaults
{
    private static readonly Dictionary<string, string?> Levels = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static IHostApplicationBuilder AddLogLevelDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}
