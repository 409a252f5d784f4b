using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Domain.Hosting;
using Pipeline.Handlers.Hosting;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Tracks;

/// <summary>
/// The system with its model behind <see cref="FakeOpenAiServer"/> (real HTTP, streamed), Edge.Api on a real port for
/// WebSocket clients, and a Handlers host whose AI pipeline streams from it through the OpenAI SDK (Ai:Provider openai).
/// </summary>
public sealed class StreamingChatFixture : PipelineFixture
{
    private IHost? _handlers;

    public FakeOpenAiServer Model { get; private set; } = null!;
    public FileLoggerProvider ApiLog { get; } = new("streaming-chat-edge-api");

    protected override bool ListensOnRealPort => true;
    protected override bool HostsHandlersInProcess => false;
    protected override IDictionary<string, string?> ExtraSettings => Model.AiSettings;

    protected override void ConfigureApi(IWebHostBuilder web) => web.ConfigureLogging(logging => logging.AddProvider(ApiLog));

    public override async ValueTask InitializeAsync()
    {
        Model = await FakeOpenAiServer.StartAsync();
        await base.InitializeAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.AddPipelineInfrastructure();
        builder.AddHandlers();
        _handlers = builder.Build();
        await _handlers.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_handlers is not null)
        {
            await _handlers.StopAsync();
            _handlers.Dispose();
        }
        await base.DisposeAsync();
        await Model.DisposeAsync();
        ApiLog.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StreamingChatCollection : ICollectionFixture<StreamingChatFixture>
{
    public const string Name = "StreamingChat";
}
