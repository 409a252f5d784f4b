using Pipeline.Domain.Database;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Handlers.Hosting;

namespace Pipeline.Handlers;

// A named entry point: the tests reference both hosts, and two global top-level Program classes would collide.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        // The one registration entry of this host: host wiring, data access, then each feature in a documented order.
        builder.AddHandlers();

        var host = builder.Build();
        // Migrations, explicitly, before any hosted service (the bus, the scheduler, the Trac importer) starts.
        await host.MigrateDatabaseAsync();
        var watchdog = host.Services.GetRequiredService<ReceiveEndpointWatchdog>(); // the provider is disposed once Run returns
        host.Run();
        return watchdog.GaveUp ? ReceiveEndpointWatchdog.ExitCode : 0;
    }
}
