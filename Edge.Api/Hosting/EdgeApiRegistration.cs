using FastEndpoints;
using MassTransit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Pipeline.ServiceDefaults;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Domain;
using Pipeline.Operations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.CoursePlanning;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Health;
using Pipeline.Edge.Api.LearningPaths;
using Pipeline.Edge.Api.Operations;
using Pipeline.Edge.Api.Platform;
using Pipeline.Edge.Api.Realtime.V1;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Realtime;
using Pipeline.Edge.Api.Security;
using Pipeline.Edge.Api.SystemStatus;
using Pipeline.Edge.Api.Tasks;
using Pipeline.Edge.Api.Voice;
using Pipeline.Messages;
using Pipeline.Messages.LearningPaths;

namespace Pipeline.Edge.Api.Hosting;

/// <summary>
/// The one registration entry of the web host (Program.cs calls <see cref="AddEdgeApi"/> and <see cref="MapEdgeApi"/>),
/// its table of contents. Each feature keeps its own <c>AddX</c>/<c>MapX</c> in its folder; the order is decided here:
/// <list type="number">
/// <item>host wiring (ServiceDefaults: telemetry, data source, RabbitMQ settings and watchdog, Redis) and the data
/// access (Domain: one store per table);</item>
/// <item>the web host itself (address, body limit, JSON, errors, OpenAPI, FastEndpoints, health);</item>
/// <item>features (auth, rate limits, streams, status, learning paths, learning core, platform);</item>
/// <item>the bus: request clients and consumers of features, the scheduler client, operations' consumers;</item>
/// <item>operations (heartbeat, counters) after the bus, so they stop before it; the ops API.</item>
/// </list>
/// Hosted services start in registration order and stop in reverse. Migrations are not a hosted service: Program.cs
/// runs them after <c>Build()</c> and before <c>Run()</c> (Domain/Database/DatabaseMigration.cs).
/// </summary>
public static class EdgeApiRegistration
{
    public const int DefaultHttpPort = 8080;
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddEdgeApi(this WebApplicationBuilder builder)
    {
        // 1. Host wiring and data access.
        builder.AddServiceDefaults();
        builder.Services.AddPipelineData();

        // 2. The web host.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var port = builder.Configuration.GetValue("PIPELINE_HTTP_PORT", DefaultHttpPort);
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        var services = builder.Services;
        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        // Bad bodies throw so the one exception handler can say what was wrong, in the route's error shape.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton<IProblemDetailsWriter, SeedErrorWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddApiDocument();
        services.AddFastEndpoints();
        services.AddPipelineHealthChecks();

        // 3. Features.
        builder.AddPipelineAuth();
        services.AddAiRateLimits();
        services.AddLearnTracRateLimits();
        services.AddClientAddressLimits();
        services.AddOpenStreams();
        services.AddSystemStatus();
        services.AddScoped<LearningPathGeneration>();
        services.AddLearningCore();
        services.AddPlatformApi();

        // 4. The bus.
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.ConfigureBusHealthCheck();
            bus.AddRequestClient<GenerateLearningPath>(QueueNames.Address(QueueNames.LearningPathSaga));
            bus.AddPlatformRequestClients();
            bus.AddConversationReplies();
            bus.AddVoiceTutoring();
            bus.AddCoursePlanning();
            // Scheduled messages are kept and sent by the Handlers host (Handlers/Scheduling).
            bus.AddPipelineScheduler();
            bus.AddOperationsConsumers();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigurePipelineHost(context);
                rabbit.UsePipelineScheduler();
                rabbit.ConfigureEndpoints(context);
            });
        });
        // 5. Operations. After the bus, so the heartbeat stops before the bus does (hosted services stop in reverse order).
        builder.AddOperations("edge-api", typeof(EdgeApiRegistration).Assembly);
        services.AddOperationsApi();
        return builder;
    }

    public static WebApplication MapEdgeApi(this WebApplication app)
    {
        app.UseClientAddress();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseRequestBodyLimit(MaxRequestBodyBytes);
        app.UseClientAddressLimits();
        app.UseUnsafeTextGuard();
        app.UseStatusCodePages();
        // The learner console (/) and the ops page (/ops) are static files, public like any page; their data is not.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseLearnTracRateLimits();
        app.UseAuthorization();

        app.UseApiDocument();
        app.MapHealthEndpoints();
        app.MapChatSockets();
        app.MapVoiceSocket();
        app.MapPlatformRealtime();
        app.UseFastEndpoints(EndpointConventions.Configure);
        return app;
    }
}
