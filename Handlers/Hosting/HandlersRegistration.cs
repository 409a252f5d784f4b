using MassTransit;
using Pipeline.Domain.Hosting;
using Pipeline.Domain.Messaging;
using Pipeline.Handlers.Scheduling;

namespace Pipeline.Handlers.Hosting;

/// <summary>The table of contents of the worker host: stage consumers, sagas and the message scheduler.</summary>
public static class HandlersRegistration
{
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddPipelineScheduler();
            bus.AddPostgresMessageScheduler();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigurePipelineHost(context);
                rabbit.UsePipelineScheduler();
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
