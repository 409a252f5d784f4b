using MassTransit;
using Pipeline.Domain.Hosting;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Hosting;

/// <summary>The table of contents of the worker host: stage consumers, sagas and the message scheduler.</summary>
public static class HandlersRegistration
{
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineAi();
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigurePipelineHost(context);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
