using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Handlers.Ai;

namespace Pipeline.Tests.Ai;

/// <summary>Just the AI part of the worker host (AddPipelineAi on the given settings), started so options are validated.</summary>
public sealed class AiTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AiTestHost(IHost host) => _host = host;

    public ILearningContentGenerator Generator => _host.Services.GetRequiredService<ILearningContentGenerator>();
    public IServiceProvider Services => _host.Services;

    /// <summary>The client every caller uses: the provider behind the whole middleware pipeline.</summary>
    public IChatClient Chat => _host.Services.GetRequiredService<IChatClient>();

    /// <summary>The provider's own client (keyed <see cref="AiRegistration.ProviderKey"/>).</summary>
    public IChatClient Provider => _host.Services.GetRequiredKeyedService<IChatClient>(AiRegistration.ProviderKey);

    public static async Task<AiTestHost> StartAsync(IDictionary<string, string?>? settings = null, IChatClient? chatClient = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (chatClient is not null) builder.Services.AddKeyedSingleton(AiRegistration.ProviderKey, chatClient);
        builder.AddPipelineAi();
        var host = builder.Build();
        await host.StartAsync();
        return new AiTestHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
