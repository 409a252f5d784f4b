using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pipeline.Domain.Hosting;
using Pipeline.Handlers.Hosting;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// The whole system on real PostgreSQL, RabbitMQ and Redis: Edge.Api through <see cref="WebApplicationFactory{T}"/>
/// and a Handlers host in the same process, both on an isolated database, virtual host and Redis prefix.
/// </summary>
public class PipelineFixture : IAsyncLifetime
{
    public const string TestSigningKey = "test-signing-key-for-the-pipeline-test-suite-only-0123456789";

    private IHost? _handlers;

    public IsolatedInfrastructure Infrastructure { get; private set; } = null!;
    public WebApplicationFactory<Program> Api { get; private set; } = null!;

    /// <summary>Extra settings a derived fixture wants on both hosts (e.g. an AI provider).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public IDictionary<string, string?> Settings
    {
        get
        {
            var settings = Infrastructure.Settings;
            settings["Auth:SigningKey"] = TestSigningKey;
            foreach (var (key, value) in ExtraSettings) settings[key] = value;
            return settings;
        }
    }

    public IServiceProvider HandlerServices => _handlers!.Services;

    public virtual async ValueTask InitializeAsync()
    {
        Infrastructure = await IsolatedInfrastructure.CreateAsync();
        var settings = Settings;
        _handlers = await StartHandlersAsync(settings);
        Api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        _ = Api.Server; // start now, so the first test does not pay for it
    }

    public static async Task<IHost> StartHandlersAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPipelineInfrastructure();
        builder.AddHandlers();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public HttpClient CreateClient() => Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public virtual async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (_handlers is not null)
        {
            await _handlers.StopAsync();
            _handlers.Dispose();
        }
        await Infrastructure.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
