using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Handlers.Hosting;

namespace Pipeline.Handlers;

// A named entry point: the tests reference both hosts, and two global top-level Program classes would collide.
internal static class Program
{
    private static int Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        builder.AddHandlers();

        var host = builder.Build();
        var watchdog = host.Services.GetRequiredService<ReceiveEndpointWatchdog>(); // the provider is disposed once Run returns
        host.Run();
        return watchdog.GaveUp ? ReceiveEndpointWatchdog.ExitCode : 0;
    }
}
