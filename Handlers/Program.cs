using Pipeline.Domain.Hosting;
using Pipeline.Handlers.Hosting;

namespace Pipeline.Handlers;

// A named entry point: the tests reference both hosts, and two global top-level Program classes would collide.
internal static class Program
{
    private static void Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        builder.AddPipelineInfrastructure();
        builder.AddHandlers();

        builder.Build().Run();
    }
}
